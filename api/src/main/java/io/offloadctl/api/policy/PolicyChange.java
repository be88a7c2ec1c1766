package io.offloadctl.api.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.settings.SettingValue;

/** One setting of one interface that a previewed policy would change. */
@Schema(description = "A setting (a feature, a channel count) a previewed policy would change on one interface of one node.")
public record PolicyChange(
        @Schema(description = "Node name.", examples = "hv-017") String node,
        @Schema(description = "Interface name.", examples = "eno1") String interfaceName,
        @Schema(description = io.offloadctl.model.settings.SettingName.DESCRIPTION, examples = "rx-gro") String setting,
        @Schema(nullable = true, description = "The reported value now; null when the interface lacks the setting.",
                ref = SettingValue.NULLABLE_SCHEMA) Object from,
        @Schema(description = "The value the policy would make desired.", ref = SettingValue.SCHEMA) Object to,
        @Schema(description = "False when the change could not be made: the driver has the feature fixed, lacks the setting, "
                + "or allows fewer channels.") boolean enforceable,
        @Schema(nullable = true, description = "Why not, when not enforceable.", examples = "the driver has it fixed off") String reason) {

    public PolicyChange {
        from = SettingValue.of(from);
        to = SettingValue.of(to);
    }
}
