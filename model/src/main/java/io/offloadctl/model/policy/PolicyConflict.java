package io.offloadctl.model.policy;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAlias;

import io.offloadctl.model.settings.SettingValue;

/** Policies of the same priority that want different values for one setting of one interface. */
@Schema(description = "Policies of equal priority that disagree about one setting of one interface. "
        + "The setting is left out of the desired state until an operator resolves it.")
public record PolicyConflict(
        @Schema(description = "Interface name.", examples = "eno1") String interfaceName,
        @JsonAlias("feature") @Schema(description = io.offloadctl.model.settings.SettingName.DESCRIPTION, examples = "rx-gro") String setting,
        @Schema(description = "The priority they share.", examples = "100") int priority,
        @Schema(description = "What each of the disagreeing policies wants.", examples = "{\"a\": true, \"b\": false}",
                additionalProperties = SettingValue.class) Map<String, Object> policies) {

    public PolicyConflict {
        Map<String, Object> normalized = new TreeMap<>();
        policies.forEach((policy, value) -> normalized.put(policy, SettingValue.of(value)));
        policies = normalized;
    }
}
