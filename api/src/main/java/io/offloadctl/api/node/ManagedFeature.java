package io.offloadctl.api.node;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.policy.RemovalAction;
import io.offloadctl.model.settings.SettingValue;

/** One setting a policy manages (or managed) on one interface: original, desired, actual. */
@Schema(description = "A setting (a feature, a channel count) an enforce-mode policy manages on one interface, or managed and the agent has still to put "
        + "back: the original the agent recorded before the first change, the desired value and its policy, the value the "
        + "kernel shows, and what the policy's removal does.")
public record ManagedFeature(
        @Schema(description = "Interface name.", examples = "eno1") String interfaceName,
        @Schema(description = io.offloadctl.model.settings.SettingName.DESCRIPTION, examples = "rx-gro") String setting,
        @Schema(nullable = true, description = "The value before any policy changed it; null when the agent recorded none yet.",
                ref = SettingValue.NULLABLE_SCHEMA) Object original,
        @Schema(nullable = true, description = "The desired value; null when no policy governs it any more (a restore is pending).",
                ref = SettingValue.NULLABLE_SCHEMA) Object desired,
        @Schema(nullable = true, description = "The reported value; null when the interface lacks it or is gone.",
                ref = SettingValue.NULLABLE_SCHEMA) Object actual,
        @Schema(nullable = true, description = "The policy that governs it, or governed it last.", examples = "bridge-ports-no-gro") String policy,
        @Schema(description = "What that policy's removal does.") RemovalAction onRemove) {

    public ManagedFeature {
        original = SettingValue.of(original);
        desired = SettingValue.of(desired);
        actual = SettingValue.of(actual);
    }
}
