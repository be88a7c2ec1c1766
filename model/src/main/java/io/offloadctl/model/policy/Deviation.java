package io.offloadctl.model.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.offloadctl.model.settings.SettingValue;

/** One desired setting that is not in effect, and why. */
@Schema(description = "A desired setting that is not in effect.")
public record Deviation(
        @JsonAlias("feature") @Schema(description = io.offloadctl.model.settings.SettingName.DESCRIPTION, examples = "rx-gro") String setting,
        @Schema(description = "The desired value.", ref = SettingValue.SCHEMA) Object desired,
        @Schema(nullable = true, description = "The value in effect; null when the interface lacks the setting (no such feature, "
                + "no channel settings).", ref = SettingValue.NULLABLE_SCHEMA) Object actual,
        @Schema(description = "drifted (changeable, differs), unenforceable (fixed by the driver, missing, or beyond the driver's "
                + "maximum) or contested (something else keeps turning it back; the agent stopped repairing it).") ComplianceStatus status,
        @Schema(description = "The policy that wants it.", examples = "bridge-ports-no-gro") String policy,
        @Schema(description = "That policy's mode: agents change only what enforce-mode policies want.") PolicyMode mode,
        @Schema(nullable = true, description = "Why it cannot be enforced, when unenforceable.",
                examples = "the driver has it fixed off") String reason) {

    public Deviation {
        desired = SettingValue.of(desired);
        actual = SettingValue.of(actual);
    }
}
