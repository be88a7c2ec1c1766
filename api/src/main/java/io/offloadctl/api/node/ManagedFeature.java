package io.offloadctl.api.node;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.policy.RemovalAction;

/** One feature a policy manages (or managed) on one interface: original, desired, actual. */
@Schema(description = "A feature an enforce-mode policy manages on one interface, or managed and the agent has still to put "
        + "back: the original the agent recorded before the first change, the desired value and its policy, the value the "
        + "kernel shows, and what the policy's removal does.")
public record ManagedFeature(
        @Schema(description = "Interface name.", examples = "eno1") String interfaceName,
        @Schema(description = "Kernel feature name.", examples = "rx-gro") String feature,
        @Schema(nullable = true, description = "The value before any policy changed it; null when the agent recorded none yet.") Boolean original,
        @Schema(nullable = true, description = "The desired value; null when no policy governs it any more (a restore is pending).") Boolean desired,
        @Schema(nullable = true, description = "The reported active value; null when the interface lacks it or is gone.") Boolean actual,
        @Schema(nullable = true, description = "The policy that governs it, or governed it last.", examples = "bridge-ports-no-gro") String policy,
        @Schema(description = "What that policy's removal does.") RemovalAction onRemove) {
}
