package io.offloadctl.api.node;

import java.util.ArrayList;
import java.util.List;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.LabelOperator;
import io.offloadctl.model.policy.LabelRequirement;

/** The query form of a label selector: {@code role=hypervisor,rack!=r3,gpu,!drain}. */
final class LabelSelectorParser {

    private LabelSelectorParser() {
    }

    static List<LabelRequirement> parse(String selector) {
        List<LabelRequirement> requirements = new ArrayList<>();
        if (selector == null || selector.isBlank()) {
            return requirements;
        }
        for (String term : selector.split(",")) {
            String t = term.strip();
            if (t.contains("!=")) {
                String[] kv = t.split("!=", 2);
                requirements.add(new LabelRequirement(key(kv[0], selector), LabelOperator.NotIn, List.of(kv[1].strip())));
            } else if (t.contains("=")) {
                String[] kv = t.split("=", 2);
                requirements.add(new LabelRequirement(key(kv[0], selector), LabelOperator.In, List.of(kv[1].strip())));
            } else if (t.startsWith("!")) {
                requirements.add(new LabelRequirement(key(t.substring(1), selector), LabelOperator.DoesNotExist, null));
            } else {
                requirements.add(new LabelRequirement(key(t, selector), LabelOperator.Exists, null));
            }
        }
        return requirements;
    }

    private static String key(String key, String selector) {
        String k = key.strip();
        if (k.isEmpty()) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "label selector '" + selector
                    + "' has an empty key; write key=value, key!=value, key or !key, separated by commas");
        }
        return k;
    }
}
