package io.offloadctl.model.policy;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Policies of the same priority that want different values for one feature of one interface. */
@Schema(description = "Policies of equal priority that disagree about one feature of one interface. "
        + "The feature is left out of the desired state until an operator resolves it.")
public record PolicyConflict(
        @Schema(description = "Interface name.", examples = "eno1") String interfaceName,
        @Schema(description = "Kernel feature name.", examples = "rx-gro") String feature,
        @Schema(description = "The priority they share.", examples = "100") int priority,
        @Schema(description = "What each of the disagreeing policies wants.", examples = "{\"a\": true, \"b\": false}") Map<String, Boolean> policies) {

    public PolicyConflict {
        policies = new TreeMap<>(policies);
    }
}
