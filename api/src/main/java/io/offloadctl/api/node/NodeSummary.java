package io.offloadctl.api.node;

import java.time.OffsetDateTime;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.policy.ComplianceStatus;

/** One node in a listing. */
@Schema(description = "A node in a listing.")
public record NodeSummary(
        @Schema(description = "Node name.", examples = "hv-017") String name,
        @Schema(description = "Node labels.") Map<String, String> labels,
        @Schema(nullable = true, description = "Kernel release.", examples = "6.8.0-45-generic") String kernel,
        @Schema(nullable = true, description = "Agent version.", examples = "0.1.0") String agentVersion,
        @Schema(description = "Time of the last report (UTC).") OffsetDateTime reportedAt,
        @Schema(description = "Compliance status; stale when the last report is too old.") ComplianceStatus status,
        @Schema(description = "Current desired-state revision.", examples = "4") long desiredRevision,
        @Schema(description = "Number of interfaces reported.", examples = "6") int interfaces) {
}
