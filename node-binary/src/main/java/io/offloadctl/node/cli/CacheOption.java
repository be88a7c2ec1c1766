package io.offloadctl.node.cli;

import io.offloadctl.node.output.JsonMappers;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.node.agent.CachedDesired;
import io.offloadctl.node.agent.DesiredCache;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code --cache FILE}: where the agent keeps the last desired state; shared by agent, apply, doctor and persist. */
final class CacheOption {

    @Option(names = "--cache", paramLabel = "FILE", defaultValue = AgentCommand.DEFAULT_CACHE,
            description = "The agent's cached desired state (default: ${DEFAULT-VALUE}).")
    Path file;

    DesiredCache cache() {
        return new DesiredCache(file, JsonMappers.create());
    }

    /** The cached desired state, or a clear error when there is none yet. */
    CachedDesired require() {
        return cache().read().orElseThrow(() -> new OffloadException(ErrorKind.NOT_FOUND, "no cached desired state at " + file
                + "; the agent writes it after its first report"));
    }

    /** The cached desired state when there is one that this user may read. */
    Optional<CachedDesired> readIfPresent() {
        return Files.isReadable(file) ? cache().read() : Optional.empty();
    }
}
