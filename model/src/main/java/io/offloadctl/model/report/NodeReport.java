package io.offloadctl.model.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything an agent reports about its node in one cycle. */
@Schema(description = "An agent's full report of its node: labels, kernel, agent version and every interface.")
public record NodeReport(
        @Schema(description = "Node labels that policies select on.", examples = "{\"role\": \"hypervisor\", \"rack\": \"r12\"}") Map<String, String> labels,
        @Schema(nullable = true, description = "Kernel release (uname -r).", examples = "6.8.0-45-generic") String kernel,
        @Schema(nullable = true, description = "Version of the reporting agent.", examples = "0.1.0") String agentVersion,
        @Schema(description = "Every interface of the node.", required = true) List<InterfaceReport> interfaces,
        @Schema(nullable = true, description = "Whether IPv4 forwarding is on (net.ipv4.ip_forward); null when unknown.") Boolean ipForwarding,
        @Schema(nullable = true, description = "TCP segment counters; null when unknown.") TcpCounters tcp) {

    public NodeReport {
        labels = labels == null ? Map.of() : new TreeMap<>(labels);
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
    }

    /** A report without the node-wide network facts. */
    public NodeReport(Map<String, String> labels, String kernel, String agentVersion, List<InterfaceReport> interfaces) {
        this(labels, kernel, agentVersion, interfaces, null, null);
    }
}
