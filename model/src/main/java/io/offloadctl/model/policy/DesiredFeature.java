package io.offloadctl.model.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The value one feature should have, and the policy that says so. */
@Schema(description = "The value a feature should have and the policy it comes from.")
public record DesiredFeature(
        @Schema(description = "true: on, false: off.") boolean value,
        @Schema(description = "Name of the policy that decides it.", examples = "bridge-ports-no-gro") String policy,
        @Schema(description = "The deciding policy's mode: only enforce is applied by agents.") PolicyMode mode) {
}
