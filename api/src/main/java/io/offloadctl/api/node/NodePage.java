package io.offloadctl.api.node;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of nodes, by name. */
@Schema(description = "A page of nodes, ordered by name.")
public record NodePage(
        @Schema(description = "The nodes of this page.") List<NodeSummary> items,
        @Schema(description = "Page number, from 0.", examples = "0") int page,
        @Schema(description = "Page size.", examples = "50") int size,
        @Schema(description = "Number of nodes matching the filters.", examples = "120") long total) {
}
