package io.offloadctl.model.report;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.offloadctl.model.policy.RemovalAction;
import io.offloadctl.model.settings.SettingValue;

/**
 * The value a setting (a feature, a channel count) had before any policy changed it on this interface, as the agent found it,
 * and what the policy that governs it (or governed it last) says its removal does.
 */
@Schema(description = "The value a feature had before any policy changed it on an interface, recorded by the agent the first "
        + "time it changed it (kept by interface name: a re-created interface or a driver reload keeps the record), with "
        + "the policy that governs it, or governed it last, and what that policy's removal does.")
public record OriginalFeature(
        @Schema(description = "Interface name.", examples = "eno1", required = true) String interfaceName,
        @JsonAlias("feature") @Schema(description = io.offloadctl.model.settings.SettingName.DESCRIPTION, examples = "rx-gro",
                required = true) String setting,
        @Schema(description = "The value found before the first change.", ref = SettingValue.SCHEMA) Object original,
        @Schema(nullable = true, description = "The policy that governs it, or governed it last.", examples = "bridge-ports-no-gro") String policy,
        @Schema(description = "What that policy's removal does.") RemovalAction onRemove,
        @Schema(description = "When the original was recorded (UTC).") Instant recordedAt) {

    public OriginalFeature {
        onRemove = onRemove == null ? RemovalAction.keep : onRemove;
        original = SettingValue.of(original);
    }

    public OriginalFeature governedBy(String governing, RemovalAction removal) {
        return new OriginalFeature(interfaceName, setting, original, governing, removal, recordedAt);
    }
}
