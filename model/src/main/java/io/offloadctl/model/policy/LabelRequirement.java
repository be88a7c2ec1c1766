package io.offloadctl.model.policy;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One matchExpressions entry: a key, an operator and, for In/NotIn, the values. */
@Schema(description = "A label requirement, as in a Kubernetes label selector.")
public record LabelRequirement(
        @Schema(description = "Label key.", examples = "role", required = true) String key,
        @Schema(description = "How the label is tested.", required = true) LabelOperator operator,
        @Schema(description = "Values for In and NotIn; empty for Exists and DoesNotExist.", examples = "[\"hypervisor\"]") List<String> values) {

    public LabelRequirement {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        return switch (operator) {
            case In -> value != null && values.contains(value);
            case NotIn -> value == null || !values.contains(value);
            case Exists -> value != null;
            case DoesNotExist -> value == null;
        };
    }
}
