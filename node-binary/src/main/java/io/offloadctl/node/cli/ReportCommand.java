package io.offloadctl.node.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.offloadctl.client.ApiException;
import io.offloadctl.client.model.ReportResponse;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.node.api.ApiConnection;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.NodeStateReader;
import io.offloadctl.node.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code offloadctl report}: reads this node and reports it to the API once; changes nothing. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Read every interface of this node and report it to the offloadctl API once, then print the "
                + "node's compliance and desired-state revision. Changes nothing on the node.",
                "The token comes from --token-file or the environment variable OFFLOADCTL_TOKEN (not from the command "
                + "line, where other users could read it)."})
final class ReportCommand extends NamespacedCommand implements Callable<Integer> {

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The API, e.g. http://127.0.0.1:8080.")
    String server;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the API token (default: $OFFLOADCTL_TOKEN).")
    Path tokenFile;

    @Option(names = "--node", paramLabel = "NAME", description = "Node name (default: this host's name).")
    String node;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "A node label policies can select on; repeatable.")
    List<String> labels = List.of();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Give up on the API after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        Map<String, String> labelMap = parseLabels();
        String nodeName = node != null ? node : hostName();
        NodeReport report;
        try (KernelSession session = openSession()) {
            report = new NodeStateReader(session).read(labelMap, new VersionProvider().getVersion()[0].replace("offloadctl ", ""));
        }
        ApiConnection api = new ApiConnection(server, token(), Duration.ofSeconds(timeoutSeconds));
        ReportResponse response;
        try {
            response = api.nodes().reportNodeState(nodeName,
                    api.mapper().convertValue(report, io.offloadctl.client.model.NodeReport.class));
        } catch (ApiException e) {
            throw api.explain(e);
        }
        if (json()) {
            out().print(Json.write(api.mapper().convertValue(response, Map.class)));
        } else {
            out().printf("reported %s: %d interfaces, %s; status %s; desired-state revision %d%n", nodeName,
                    report.interfaces().size(), Boolean.TRUE.equals(response.getChanged()) ? "changed" : "unchanged",
                    response.getStatus().getValue(), response.getDesired().getRevision());
        }
        out().flush();
        return ExitCodes.OK;
    }

    private Map<String, String> parseLabels() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String label : labels) {
            int eq = label.indexOf('=');
            if (eq <= 0) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--label must be KEY=VALUE, not '" + label + "'");
            }
            map.put(label.substring(0, eq), label.substring(eq + 1));
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

    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "cannot read this host's name; give --node", e);
        }
    }
}
