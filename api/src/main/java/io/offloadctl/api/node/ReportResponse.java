package io.offloadctl.api.node;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.policy.ComplianceStatus;

/** The answer to a state report: everything an agent needs for its next cycle. */
@Schema(description = "The answer to a report: the node's desired state and its compliance, so one round trip per cycle suffices.")
public record ReportResponse(
        @Schema(description = "Whether the report differed from the one stored before.") boolean changed,
        @Schema(description = "The node's status after this report.") ComplianceStatus status,
        @Schema(description = "The desired state and its revision.") DesiredView desired) {
}
