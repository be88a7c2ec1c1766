package io.offloadctl.model.policy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The value one feature should have, the policy that says so, and, when that policy only audits,
 * the enforce-mode policies of lower priority it keeps from being applied.
 */
@Schema(description = "The value a feature should have and the policy it comes from.")
public record DesiredFeature(
        @Schema(description = "true: on, false: off.") boolean value,
        @Schema(description = "Name of the policy that decides it.", examples = "bridge-ports-no-gro") String policy,
        @Schema(description = "The deciding policy's mode: only enforce is applied by agents.") PolicyMode mode,
        @Schema(description = "When the deciding policy is in audit mode: the enforce-mode policies of lower priority that "
                + "also set this feature here, which agents therefore do not apply; empty otherwise.",
                examples = "[\"bridge-ports-no-gro\"]") List<String> suspends) {

    public DesiredFeature {
        suspends = suspends == null ? List.of() : List.copyOf(suspends);
    }

    public DesiredFeature(boolean value, String policy, PolicyMode mode) {
        this(value, policy, mode, List.of());
    }
}
