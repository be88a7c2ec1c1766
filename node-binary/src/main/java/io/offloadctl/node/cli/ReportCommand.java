package io.offloadctl.node.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import io.offloadctl.client.ApiException;
import io.offloadctl.client.model.ReportResponse;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.node.api.ApiConnection;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.NodeStateReader;
import io.offloadctl.node.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code offloadctl report}: reads this node and reports it to the API once; changes nothing. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Read every interface of this node and report it to the offloadctl API once, then print the "
                + "node's compliance and desired-state revision. Changes nothing on the node.",
                "The token comes from --token-file or the environment variable OFFLOADCTL_TOKEN (not from the command "
                + "line, where other users could read it)."})
final class ReportCommand extends NamespacedCommand implements Callable<Integer> {

    @Mixin
    ApiOptions apiOptions;

    @Override
    public Integer call() {
        String nodeName = apiOptions.nodeName();
        NodeReport report;
        try (KernelSession session = openSession()) {
            report = new NodeStateReader(session).read(apiOptions.labelMap(), ApiOptions.agentVersion());
        }
        ApiConnection api = apiOptions.connect();
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
}
