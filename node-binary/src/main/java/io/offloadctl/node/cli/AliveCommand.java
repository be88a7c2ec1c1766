package io.offloadctl.node.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.offloadctl.node.agent.Agent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code offloadctl alive}: whether the agent running with this cache still turns its loop (a liveness probe). */
@Command(name = "alive", mixinStandardHelpOptions = true,
        description = {"Tell whether the agent that runs with this --cache is alive: its loop touches a heartbeat beside the "
                + "cache (desired.json -> desired-alive) at every turn, at least every --safety-poll, whether or not the API "
                + "answers. Meant for a container's liveness probe.",
                "Exit codes: 0 the heartbeat is at most --max-age old; 1 it is older, or no agent has run with this cache."})
final class AliveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CacheOption cache;

    @Option(names = "--max-age", paramLabel = "DURATION", defaultValue = "3m", converter = DurationConverter.class,
            description = "The oldest heartbeat that still counts (default: ${DEFAULT-VALUE}, three default safety polls).")
    Duration maxAge;

    @Override
    public Integer call() {
        Path heartbeat = Agent.heartbeatFile(cache.cache());
        try {
            Duration age = Duration.ofMillis(Math.max(0, System.currentTimeMillis() - Files.getLastModifiedTime(heartbeat).toMillis()));
            if (age.compareTo(maxAge) > 0) {
                return say(ExitCodes.FAILURE, "offloadctl: the agent's last turn was " + age.toSeconds() + " s ago, more than "
                        + maxAge.toSeconds() + " s (" + heartbeat + ")");
            }
            return say(ExitCodes.OK, "alive: the agent's last turn was " + age.toSeconds() + " s ago");
        } catch (NoSuchFileException e) {
            return say(ExitCodes.FAILURE, "offloadctl: no agent has run with the cache " + cache.file + " (no " + heartbeat + ")");
        } catch (IOException e) {
            return say(ExitCodes.FAILURE, "offloadctl: cannot read " + heartbeat + ": " + e.getMessage());
        }
    }

    private int say(int code, String line) {
        var writer = code == ExitCodes.OK ? spec.commandLine().getOut() : spec.commandLine().getErr();
        writer.println(line);
        writer.flush();
        return code;
    }
}
