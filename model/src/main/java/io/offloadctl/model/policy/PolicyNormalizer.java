package io.offloadctl.model.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.offloadctl.model.FeatureRequestResolver;
import io.offloadctl.model.KernelFeatureNames;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.Setting;

/**
 * Checks a policy and stores its features under kernel names: legacy names are expanded as
 * ethtool expands them ({@code tso} becomes every {@code tx-tcp*-segmentation}), unknown names
 * are rejected with the closest known ones. Reports every problem at once.
 */
public final class PolicyNormalizer {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_PRIORITY = 1_000_000;

    private PolicyNormalizer() {
    }

    public static Policy normalize(Policy policy) {
        List<Violation> violations = new ArrayList<>();
        if (policy.name() == null || !NAME.matcher(policy.name()).matches()) {
            violations.add(new Violation("name", "must be 1 to 63 lower-case letters, digits and dashes, "
                    + "starting and ending with a letter or digit"));
        }
        if (policy.mode() == null) {
            violations.add(new Violation("mode", "must be enforce or audit"));
        }
        if (Math.abs(policy.priority()) > MAX_PRIORITY) {
            violations.add(new Violation("priority", "must be between -" + MAX_PRIORITY + " and " + MAX_PRIORITY));
        }
        checkSelector(policy.selector(), violations);
        Map<String, Boolean> features = normalizeFeatures(policy.features(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new Policy(policy.name(), policy.description(), policy.priority(), policy.mode(), policy.selector(),
                features);
    }

    private static Map<String, Boolean> normalizeFeatures(Map<String, Boolean> given, List<Violation> violations) {
        if (given.isEmpty()) {
            violations.add(new Violation("features", "must name at least one feature"));
            return Map.of();
        }
        Map<String, Boolean> kernelNames = new TreeMap<>();
        for (Map.Entry<String, Boolean> entry : given.entrySet()) {
            if (entry.getValue() == null) {
                violations.add(new Violation("features." + entry.getKey(), "must be true or false"));
                continue;
            }
            try {
                FeatureRequestResolver.resolve(List.of(new Setting(entry.getKey(), entry.getValue())),
                        KernelFeatureNames.all(), "GET /api/v1/features lists the names").wanted()
                        .forEach((name, on) -> {
                            Boolean earlier = kernelNames.put(name, on);
                            if (earlier != null && earlier != on) {
                                violations.add(new Violation("features." + entry.getKey(),
                                        "contradicts another entry that sets " + name + " " + (earlier ? "on" : "off")));
                            }
                        });
            } catch (OffloadException e) {
                violations.add(new Violation("features." + entry.getKey(), e.getMessage()));
            }
        }
        return kernelNames;
    }

    private static void checkSelector(Selector selector, List<Violation> violations) {
        for (int i = 0; i < selector.matchExpressions().size(); i++) {
            LabelRequirement requirement = selector.matchExpressions().get(i);
            String at = "selector.matchExpressions[" + i + "]";
            if (requirement.key() == null || requirement.key().isBlank()) {
                violations.add(new Violation(at + ".key", "must not be empty"));
            }
            if (requirement.operator() == null) {
                violations.add(new Violation(at + ".operator", "must be In, NotIn, Exists or DoesNotExist"));
            } else {
                boolean needsValues = requirement.operator() == LabelOperator.In || requirement.operator() == LabelOperator.NotIn;
                if (needsValues == requirement.values().isEmpty()) {
                    violations.add(new Violation(at + ".values", needsValues
                            ? "must not be empty for " + requirement.operator() : "must be empty for " + requirement.operator()));
                }
            }
        }
        for (int i = 0; i < selector.interfaces().size(); i++) {
            try {
                Selector.globMatches(selector.interfaces().get(i), "x");
            } catch (RuntimeException e) {
                violations.add(new Violation("selector.interfaces[" + i + "]", "is not a valid glob: " + e.getMessage()));
            }
        }
    }
}
