package io.offloadctl.api.compliance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.policy.ComplianceStatus;
import io.offloadctl.model.policy.InterfaceCompliance;
import io.offloadctl.model.report.AgentStatus;

/** The fleet against its policies. */
@Schema(description = "Fleet compliance: counts per status, then every node with its interfaces.")
public record ComplianceReport(
        @Schema(description = "Number of nodes per status.", examples = "{\"compliant\": 118, \"drifted\": 2, \"stale\": 1}") Map<ComplianceStatus, Long> nodes,
        @Schema(description = "Number of interfaces per status (interfaces of stale nodes count as stale).") Map<ComplianceStatus, Long> interfaces,
        @Schema(description = "Every node (filtered by the query), by name.") List<NodeCompliance> details) {

    /** One node's compliance. */
    @Schema(description = "One node's compliance and its interfaces'.")
    public record NodeCompliance(
            @Schema(description = "Node name.", examples = "hv-017") String node,
            @Schema(description = "The node's status: the most urgent of its interfaces', or stale.") ComplianceStatus status,
            @Schema(description = "Time of the last report (UTC).") OffsetDateTime reportedAt,
            @Schema(description = "Desired-state revision it was evaluated against.", examples = "4") long desiredRevision,
            @Schema(description = "Every reported interface.") List<InterfaceCompliance> interfaces,
            @Schema(nullable = true, description = "What the node's agent holds back, as it last reported: the failed revision "
                    + "it does not try again (the reason, the probes, when) and contested features; null when nothing.")
            AgentStatus agent) {
    }
}
