package io.offloadctl.model.policy;

import io.offloadctl.model.settings.DriverParameter;
import io.offloadctl.model.settings.SettingName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.offloadctl.model.FeatureRequestResolver;
import io.offloadctl.model.InterfaceNames;
import io.offloadctl.model.KernelFeatureNames;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.Setting;
import io.offloadctl.model.settings.ChannelRequest;
import io.offloadctl.model.settings.LimitRequest;

/**
 * Checks a policy and stores its features under kernel names: legacy names are expanded as
 * ethtool expands them ({@code tso} becomes every {@code tx-tcp*-segmentation}), unknown names
 * are rejected with the closest known ones. Reports every problem at once.
 */
public final class PolicyNormalizer {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_PRIORITY = 1_000_000;
    private static final int MAX_DESCRIPTION = 1024;
    /** More features than the kernel has names for, legacy names included. */
    private static final int MAX_FEATURES = 256;
    /** Entries of each selector list: globs, drivers, label expressions and their values. */
    public static final int MAX_LIST = 64;

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
        if (policy.priority() < -MAX_PRIORITY || policy.priority() > MAX_PRIORITY) {
            violations.add(new Violation("priority", "must be between -" + MAX_PRIORITY + " and " + MAX_PRIORITY));
        }
        if (policy.description() != null && policy.description().length() > MAX_DESCRIPTION) {
            violations.add(new Violation("description", "is " + policy.description().length() + " characters long; at most "
                    + MAX_DESCRIPTION + " are accepted"));
        }
        checkSelector(policy.selector(), violations);
        Rollout.check(policy.rollout(), violations);
        Map<String, Boolean> features = policy.features().size() > MAX_FEATURES
                ? tooMany("features", policy.features().size(), MAX_FEATURES, violations)
                : normalizeFeatures(policy.features(), !policy.setsOtherThanFeatures(), violations);
        checkChannels(policy.channels(), violations);
        checkLimits(policy.limits(), violations);
        checkParameters(policy.ringValues(), violations);
        checkParameters(policy.coalesceValues(), violations);
        checkParameters(policy.pauseValues(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new Policy(policy.name(), policy.description(), policy.priority(), policy.mode(), policy.selector(),
                features, policy.onRemove(), policy.rolloutOrDefault(), policy.channels(), policy.limits(), policy.rings(), policy.coalesce(),
                policy.pause());
    }

    private static void checkLimits(LimitRequest limits, List<Violation> violations) {
        if (limits == null) {
            return;
        }
        limits.values().forEach((limit, value) -> {
            if (value < 0 || value > LimitRequest.maximum(limit)) {
                violations.add(new Violation("limits." + limit, "must be between 0 and " + LimitRequest.maximum(limit)));
            }
        });
    }

    /** Ring and coalescing values: each within what its attribute holds (a u32; the on/off ones are booleans already). */
    private static void checkParameters(Map<? extends DriverParameter, Long> values, List<Violation> violations) {
        values.forEach((parameter, value) -> {
            if (value < 0 || value > parameter.maximum()) {
                violations.add(new Violation(SettingName.parameter(parameter), "must be between 0 and " + parameter.maximum()));
            }
        });
    }

    private static void checkChannels(ChannelRequest channels, List<Violation> violations) {
        if (channels == null) {
            return;
        }
        channels.counts().forEach((kind, count) -> {
            if (count < 0 || count > ChannelRequest.MAX_COUNT) {
                violations.add(new Violation("channels." + kind.argument(), "must be between 0 and " + ChannelRequest.MAX_COUNT));
            }
        });
    }

    private static Map<String, Boolean> normalizeFeatures(Map<String, Boolean> given, boolean onlySection, List<Violation> violations) {
        if (given.isEmpty()) {
            if (onlySection) {
                violations.add(new Violation("features", "must name at least one feature (or the policy channel counts, size limits, rings, coalescing or pause)"));
            }
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
                        KernelFeatureNames.all(), "GET /api/v1/features lists the names",
                        FeatureRequestResolver.Mode.STRICT).wanted()
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

    private static Map<String, Boolean> tooMany(String at, int size, int max, List<Violation> violations) {
        violations.add(new Violation(at, "holds " + size + " entries; at most " + max + " are accepted"));
        return Map.of();
    }

    /** A list longer than {@link #MAX_LIST} is one violation, and its entries are not checked. */
    private static boolean tooLong(String at, List<?> list, List<Violation> violations) {
        if (list.size() <= MAX_LIST) {
            return false;
        }
        tooMany(at, list.size(), MAX_LIST, violations);
        return true;
    }

    private static void checkSelector(Selector selector, List<Violation> violations) {
        Labels.check("selector.matchLabels", selector.matchLabels(), violations);
        if (tooLong("selector.matchExpressions", selector.matchExpressions(), violations)
                | tooLong("selector.interfaces", selector.interfaces(), violations)
                | tooLong("selector.drivers", selector.drivers(), violations)
                | tooLong("selector.kinds", selector.kinds(), violations)
                | tooLong("selector.masters", selector.masters(), violations)) {
            return;
        }
        for (int i = 0; i < selector.matchExpressions().size(); i++) {
            LabelRequirement requirement = selector.matchExpressions().get(i);
            String at = "selector.matchExpressions[" + i + "]";
            if (requirement.key() == null || requirement.key().isBlank()) {
                violations.add(new Violation(at + ".key", "must not be empty"));
            } else if (Labels.keyProblem(requirement.key()) != null) {
                violations.add(new Violation(at + ".key", Labels.keyProblem(requirement.key())));
            }
            if (tooLong(at + ".values", requirement.values(), violations)) {
                continue;
            }
            for (int v = 0; v < requirement.values().size(); v++) {
                if (Labels.valueProblem(requirement.values().get(v)) != null) {
                    violations.add(new Violation(at + ".values[" + v + "]", Labels.valueProblem(requirement.values().get(v))));
                }
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
        checkGlobs("selector.interfaces", selector.interfaces(), violations);
        checkGlobs("selector.masters", selector.masters(), violations);
        for (int i = 0; i < selector.drivers().size(); i++) {
            if (!Selector.DRIVER.matcher(selector.drivers().get(i)).matches()) {
                violations.add(new Violation("selector.drivers[" + i + "]", "is not a driver name (1 to 31 letters, digits, '_', '-')"));
            }
        }
    }

    private static void checkGlobs(String at, List<String> globs, List<Violation> violations) {
        for (int i = 0; i < globs.size(); i++) {
            String glob = globs.get(i);
            if (!Selector.GLOB.matcher(glob).matches()) {
                violations.add(new Violation(at + "[" + i + "]", "'" + InterfaceNames.printable(
                        glob.length() > 80 ? glob.substring(0, 80) + "..." : glob) + "' is not an interface name glob "
                        + "(1 to 64 of letters, digits, '.', '_', '-', '@', '+' and the wildcards '*', '?', '[...]', '[!...]'; "
                        + "not beginning with '-')"));
                continue;
            }
            try {
                Selector.globMatches(glob, "x");
            } catch (RuntimeException e) {
                violations.add(new Violation(at + "[" + i + "]", "is not a valid glob: " + e.getMessage()));
            }
        }
    }
}
