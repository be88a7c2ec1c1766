package io.offloadctl.api.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.settings.SettingValue;

/** What removing a policy would do to one setting of one interface of one node. */
@Schema(description = "What removing a policy would do to one setting (a feature, a channel count) it decides on one interface of one node.")
public record RemovalEffect(
        @Schema(description = "Node name.", examples = "hv-017") String node,
        @Schema(description = "Interface name.", examples = "eno1") String interfaceName,
        @Schema(description = io.offloadctl.model.settings.SettingName.DESCRIPTION, examples = "rx-gro") String setting,
        @Schema(nullable = true, description = "The reported value now.", ref = SettingValue.NULLABLE_SCHEMA) Object now,
        @Schema(nullable = true, description = "The value it would have after the removal.", ref = SettingValue.NULLABLE_SCHEMA) Object after,
        @Schema(description = "restored: the agent puts back the original it recorded; kept: it stays as it is (onRemove keep); "
                + "taken-over: another enforce-mode policy decides it (policy); not-recorded: onRemove restore, but the agent "
                + "recorded no original (it never changed the feature), so it stays.") Outcome outcome,
        @Schema(nullable = true, description = "For taken-over: the policy that would decide it.", examples = "ports-default") String policy) {

    public RemovalEffect {
        now = SettingValue.of(now);
        after = SettingValue.of(after);
    }

    /** What becomes of the feature. */
    @Schema(description = "What becomes of a feature when the policy is removed.")
    public enum Outcome {
        restored("restored"), kept("kept"), taken_over("taken-over"), not_recorded("not-recorded");

        private final String wire;

        Outcome(String wire) {
            this.wire = wire;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return wire;
        }
    }
}
