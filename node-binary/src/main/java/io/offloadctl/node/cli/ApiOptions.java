package io.offloadctl.node.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.Labels;
import io.offloadctl.node.api.ApiConnection;
import picocli.CommandLine.Option;

/** The options of every verb that talks to the API: where, with which token, as which node. */
final class ApiOptions {

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The API, e.g. http://127.0.0.1:8080.")
    String server;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the API token (default: $OFFLOADCTL_TOKEN).")
    Path tokenFile;

    @Option(names = "--node", paramLabel = "NAME", description = "Node name (default: this host's name).")
    String node;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A node label policies can select on; repeatable.")
    List<String> labels = List.of();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Give up on an API call after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    ApiConnection connect() {
        return new ApiConnection(server, token(), Duration.ofSeconds(timeoutSeconds));
    }

    /** With an enroller token (OFFLOADCTL_TOKEN or --token-file): this node's own token, enrolled once and kept beside the cache. */
    ApiConnection enrolled(io.offloadctl.node.agent.DesiredCache cache, java.io.PrintWriter log) {
        return io.offloadctl.node.agent.Enrollment.connect(server, Duration.ofSeconds(timeoutSeconds), nodeName(), token(), cache, log);
    }

    String nodeName() {
        if (node != null) {
            return node;
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "cannot read this host's name; give --node", e);
        }
    }

    Map<String, String> labelMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String label : labels) {
            int eq = label.indexOf('=');
            if (eq <= 0) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--label must be KEY=VALUE, not '" + label + "'");
            }
            String key = label.substring(0, eq);
            String value = label.substring(eq + 1);
            String problem = Labels.keyProblem(key) != null ? Labels.keyProblem(key) : Labels.valueProblem(value);
            if (problem != null) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--label " + label + ": " + problem);
            }
            map.put(key, value);
        }
        return map;
    }

    private String token() {
        try {
            String token = tokenFile != null ? Files.readString(tokenFile).strip() : System.getenv("OFFLOADCTL_TOKEN");
            if (token == null || token.isBlank()) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "no API token: set OFFLOADCTL_TOKEN or use --token-file");
            }
            return token;
        } catch (IOException e) {
            throw new OffloadException(ErrorKind.NOT_FOUND, "cannot read the token file " + tokenFile + ": " + e.getMessage(), e);
        }
    }

    static String agentVersion() {
        return new VersionProvider().getVersion()[0].replace("offloadctl ", "");
    }
}
