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
        @Schema(nullable = true, description = "TCP segment counters; null when unknown.") TcpCounters tcp,
        @Schema(nullable = true, description = "What the agent holds back (a failed revision, contested features); null when "
                + "nothing, or when the report is not an agent's.") AgentStatus agent,
        @Schema(nullable = true, description = "UDP counters; null when unknown.") UdpCounters udp) {

    public NodeReport {
        labels = labels == null ? Map.of() : new TreeMap<>(labels);
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
    }

    public NodeReport(Map<String, String> labels, String kernel, String agentVersion, List<InterfaceReport> interfaces,
                      Boolean ipForwarding, TcpCounters tcp, AgentStatus agent) {
        this(labels, kernel, agentVersion, interfaces, ipForwarding, tcp, agent, null);
    }

    /** A report without an agent's status. */
    public NodeReport(Map<String, String> labels, String kernel, String agentVersion, List<InterfaceReport> interfaces,
                      Boolean ipForwarding, TcpCounters tcp) {
        this(labels, kernel, agentVersion, interfaces, ipForwarding, tcp, null);
    }

    /** The same report with the agent's status ({@link AgentStatus#NONE} is sent as none). */
    public NodeReport withAgent(AgentStatus status) {
        return new NodeReport(labels, kernel, agentVersion, interfaces, ipForwarding, tcp,
                status == null || status.equals(AgentStatus.NONE) ? null : status, udp);
    }

    /**
     * The report without what changes on its own (interface counters, TCP counters): equal for two
     * reports exactly when the node's configuration, features and agent status are equal.
     */
    public NodeReport withoutCounters() {
        return new NodeReport(labels, kernel, agentVersion, interfaces.stream().map(InterfaceReport::withoutCounters).toList(),
                ipForwarding, null, agent, null);
    }

    /** A feature of one reported interface; empty when the interface or the feature is not reported. */
    public java.util.Optional<FeatureReport> feature(String interfaceName, String feature) {
        return interfaces.stream().filter(i -> i.name().equals(interfaceName)).findFirst().map(i -> i.features().get(feature));
    }

    /** The agent's status; never null. */
    public AgentStatus agentStatus() {
        return agent == null ? AgentStatus.NONE : agent;
    }

    /** A report without the node-wide network facts. */
    public NodeReport(Map<String, String> labels, String kernel, String agentVersion, List<InterfaceReport> interfaces) {
        this(labels, kernel, agentVersion, interfaces, null, null, null);
    }
}
