package io.offloadctl.api.node;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.diagnose.Finding;
import io.offloadctl.model.policy.InterfaceCompliance;
import io.offloadctl.model.report.NodeReport;

/** One node in full: summary, last report, desired state and compliance per interface. */
@Schema(description = "A node in full: its last report, desired state and per-interface compliance.")
public record NodeView(
        @Schema(description = "Name, labels, status and report time.") NodeSummary summary,
        @Schema(description = "The last report as the agent sent it.") NodeReport report,
        @Schema(description = "What the policies want of it.") DesiredView desired,
        @Schema(description = "Compliance of every reported interface.") List<InterfaceCompliance> compliance,
        @Schema(description = "What the diagnostic rules found in the node's last changed report (symptoms: from the "
                + "counters of the two last reports).") List<Finding> findings,
        @Schema(description = "Every feature an enforce-mode policy manages here, or managed and is to be restored: original, "
                + "desired, actual and policy.") List<ManagedFeature> managed) {
}
