package io.offloadctl.api.finding;

import io.offloadctl.model.diagnose.Finding;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finding and the node it was found on. */
@Schema(description = "A diagnostic finding on one node.")
public record NodeFinding(
        @Schema(description = "Node name.", examples = "hv-017", required = true) String node,
        @Schema(description = "The finding.", required = true) Finding finding) {
}
