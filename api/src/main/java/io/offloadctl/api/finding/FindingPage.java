package io.offloadctl.api.finding;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** One page of fleet-wide findings, worst first, with counts over every match. */
@Schema(description = "A page of findings across the fleet, worst first (then by node and interface).")
public record FindingPage(
        @Schema(description = "The findings of this page.") List<NodeFinding> items,
        @Schema(description = "Page number, from 0.", examples = "0") int page,
        @Schema(description = "Page size.", examples = "50") int size,
        @Schema(description = "Number of findings matching the filters.", examples = "12") long total,
        @Schema(description = "Matching findings per severity.", examples = "{\"warning\": 10, \"info\": 2}") Map<String, Long> bySeverity,
        @Schema(description = "Matching findings per rule.", examples = "{\"bnxt-gro-gso-bridged\": 10}") Map<String, Long> byRule,
        @Schema(description = "Number of nodes with at least one matching finding.", examples = "5") long nodes) {
}
