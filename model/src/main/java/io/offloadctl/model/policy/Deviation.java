package io.offloadctl.model.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One desired feature that is not as desired, and why. */
@Schema(description = "A desired feature that is not in effect.")
public record Deviation(
        @Schema(description = "Kernel feature name.", examples = "rx-gro") String feature,
        @Schema(description = "The desired value.") boolean desired,
        @Schema(nullable = true, description = "The reported active value; null when the interface lacks the feature.") Boolean actual,
        @Schema(description = "drifted (changeable, differs), unenforceable (fixed by the driver, or missing) or contested (something else keeps turning it back; the agent stopped repairing it).") ComplianceStatus status,
        @Schema(description = "The policy that wants it.", examples = "bridge-ports-no-gro") String policy) {
}
