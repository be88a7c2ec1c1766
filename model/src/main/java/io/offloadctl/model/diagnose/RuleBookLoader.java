package io.offloadctl.model.diagnose;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.KernelFeatureNames;
import io.offloadctl.model.LegacyFlags;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads rules from YAML (the format of rules.yaml) and checks them strictly: an unknown key, an
 * unknown feature name or state, a duplicate id: every mistake names the rule and the key, so a
 * rule file that loads means what it says.
 */
public final class RuleBookLoader {

    private static final Set<String> RULE_KEYS = Set.of("id", "title", "severity", "when", "recommend", "explanation", "sources");
    private static final Set<String> SOURCE_KEYS = Set.of("title", "url");
    private static final Set<String> SAMPLE_KEYS = Set.of("rxBytesPerSecondAtLeast", "rxDominant", "rxAveragePacketBelowBytes",
            "rxDropsPerSecondAtLeast", "rxDropRatioAtLeast", "txPacketsPerSecondAtLeast");
    private static final Set<String> TCP_KEYS = Set.of("retransRatioAtLeast", "retransSegmentsAtLeast");
    private static final Set<String> DRIVER_STATISTICS_KEYS = Set.of("names", "perSecondAtLeast");
    /** ETH_GSTRING_LEN: a driver statistic's name is at most 31 bytes. */
    private static final int MAX_STATISTIC_NAME = 31;

    private final Map<String, Function<Object, List<? extends Condition>>> conditions = new LinkedHashMap<>();
    private String source = "rules";
    private Object ruleId;

    public RuleBookLoader() {
        conditions.put("drivers", v -> List.of(new PlacementConditions.Drivers(new TreeSet<>(strings(v)))));
        conditions.put("kinds", v -> List.of(new PlacementConditions.Kinds(kinds(v))));
        conditions.put("roles", v -> List.of(new PlacementConditions.Roles(new TreeSet<>(strings(v)))));
        conditions.put("portOf", v -> List.of(new PlacementConditions.PortOf(kinds(v))));
        conditions.put("hasPortsOf", v -> List.of(new PlacementConditions.HasPortsOf(kinds(v))));
        conditions.put("forwarding", v -> List.of(flag(v, new PlacementConditions.Forwarding())));
        conditions.put("mtuAbove", v -> List.of(new PlacementConditions.MtuAbove((int) number(v))));
        conditions.put("mtuBelowAnotherPort", v -> List.of(flag(v, new NodeConditions.MtuBelowAnotherPort())));
        conditions.put("kernelBelow", v -> List.of(kernel(v, true)));
        conditions.put("kernelAtLeast", v -> List.of(kernel(v, false)));
        conditions.put("nodeHasKinds", v -> List.of(new NodeConditions.HasKinds(kinds(v))));
        conditions.put("checksumErrorsAtLeast", v -> List.of(new NodeConditions.ChecksumErrors((long) number(v))));
        conditions.put("features", this::featureConditions);
        conditions.put("anyFeature", v -> List.of(new FeatureCondition.AnyOf(featureConditions(v))));
        conditions.put("desiredFixed", v -> List.of(flag(v, new DesiredFixedCondition())));
        conditions.put("sample", v -> List.of(sample(v)));
        conditions.put("tcp", v -> List.of(tcp(v)));
        conditions.put("driverStatistics", v -> List.of(driverStatistics(v)));
    }

    public RuleBook load(InputStream yaml, String source) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        this.source = source;
        this.ruleId = null;
        Map<String, Object> top = map(document);
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Object entry : list(top.get("rules"))) {
            Rule rule = rule(map(entry));
            if (!ids.add(rule.id())) {
                throw invalid("rule id '" + rule.id() + "' is used twice");
            }
            rules.add(rule);
        }
        return new RuleBook(rules);
    }

    private Rule rule(Map<String, Object> data) {
        ruleId = data.get("id");
        unknownKeys(data.keySet(), RULE_KEYS, "rule key");
        String id = text(data.get("id"), "id");
        Severity severity;
        try {
            severity = Severity.valueOf(text(data.get("severity"), "severity"));
        } catch (IllegalArgumentException e) {
            throw invalid("severity must be info, warning or critical, not '" + data.get("severity") + "'");
        }
        List<List<Condition>> alternatives = new ArrayList<>();
        for (Object alternative : list(data.get("when"))) {
            alternatives.add(alternative(map(alternative)));
        }
        if (alternatives.isEmpty()) {
            throw invalid("'when' needs at least one alternative");
        }
        Map<String, Boolean> recommend = new TreeMap<>();
        Object recommended = data.get("recommend");
        if (recommended != null) {
            map(recommended).forEach((name, value) -> {
                checkFeatureName(name);
                recommend.put(name, onOff(value, "recommend." + name));
            });
        }
        List<Source> sources = new ArrayList<>();
        for (Object entry : list(data.get("sources"))) {
            Map<String, Object> source = map(entry);
            unknownKeys(source.keySet(), SOURCE_KEYS, "source key");
            String url = text(source.get("url"), "sources.url");
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw invalid("source url '" + url + "' is not a public http(s) address");
            }
            sources.add(new Source(text(source.get("title"), "sources.title"), url));
        }
        if (sources.isEmpty()) {
            throw invalid("'sources' needs at least one public source");
        }
        return new Rule(id, text(data.get("title"), "title"), severity, alternatives, recommend,
                text(data.get("explanation"), "explanation").strip(), sources);
    }

    private List<Condition> alternative(Map<String, Object> data) {
        unknownKeys(data.keySet(), conditions.keySet(), "condition");
        List<Condition> all = new ArrayList<>();
        data.forEach((key, value) -> all.addAll(conditions.get(key).apply(value)));
        if (all.isEmpty()) {
            throw invalid("an alternative of 'when' has no condition");
        }
        return all;
    }

    private List<FeatureCondition> featureConditions(Object value) {
        List<FeatureCondition> result = new ArrayList<>();
        map(value).forEach((name, stateWord) -> {
            checkFeatureName(name);
            String word = stateWord instanceof Boolean b ? (b ? "on" : "off") : String.valueOf(stateWord);
            FeatureState state = FeatureState.of(word)
                    .orElseThrow(() -> invalid("feature state '" + word + "' of " + name + " is not one of " + FeatureState.words()));
            result.add(new FeatureCondition(name, state));
        });
        return result;
    }

    private Condition sample(Object value) {
        Map<String, Object> data = map(value);
        unknownKeys(data.keySet(), SAMPLE_KEYS, "sample threshold");
        return new SampleCondition(decimal(data, "rxBytesPerSecondAtLeast"),
                data.containsKey("rxDominant") ? onOff(data.get("rxDominant"), "sample.rxDominant") : null,
                decimal(data, "rxAveragePacketBelowBytes"), decimal(data, "rxDropsPerSecondAtLeast"),
                decimal(data, "rxDropRatioAtLeast"), decimal(data, "txPacketsPerSecondAtLeast"));
    }

    private Condition driverStatistics(Object value) {
        Map<String, Object> data = map(value);
        unknownKeys(data.keySet(), DRIVER_STATISTICS_KEYS, "driverStatistics key");
        List<String> names = strings(data.get("names"));
        if (names.isEmpty()) {
            throw invalid("driverStatistics.names needs at least one name, as ethtool -S prints it ('*' matches any text)");
        }
        for (String name : names) {
            if (name.isEmpty() || name.length() > MAX_STATISTIC_NAME || name.equals("*")
                    || !name.chars().allMatch(c -> c >= ' ' && c < 0x7f)) {
                throw invalid("driver statistic '" + name + "' is no ethtool -S name (1 to 31 printable ASCII characters, "
                        + "not '*' alone)");
            }
        }
        Double rate = decimal(data, "perSecondAtLeast");
        if (rate == null || !(rate > 0)) {
            throw invalid("driverStatistics.perSecondAtLeast must be a rate above 0");
        }
        return new DriverStatisticCondition(names, rate);
    }

    private Condition tcp(Object value) {
        Map<String, Object> data = map(value);
        unknownKeys(data.keySet(), TCP_KEYS, "tcp threshold");
        Double ratio = decimal(data, "retransRatioAtLeast");
        Double segments = decimal(data, "retransSegmentsAtLeast");
        return new TcpCondition(ratio == null ? 0 : ratio, segments == null ? 1 : segments.longValue());
    }

    private Condition kernel(Object value, boolean below) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+)").matcher(String.valueOf(value));
        if (!(value instanceof String) || !m.matches()) {
            throw invalid("a kernel version is text: \"major.minor\" (\"5.7\"), not '" + value + "'");
        }
        return new NodeConditions.Kernel(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), below);
    }

    private Condition flag(Object value, Condition condition) {
        if (!Boolean.TRUE.equals(value)) {
            throw invalid("only 'true' is meaningful here, not '" + value + "' (leave the condition out instead)");
        }
        return condition;
    }

    private void checkFeatureName(String name) {
        if (LegacyFlags.named(name).isEmpty() && !KernelFeatureNames.all().contains(name)) {
            throw invalid("unknown feature '" + name + "'");
        }
    }

    private Set<InterfaceKind> kinds(Object value) {
        Set<InterfaceKind> kinds = new TreeSet<>();
        for (String word : strings(value)) {
            try {
                kinds.add(InterfaceKind.valueOf(word));
            } catch (IllegalArgumentException e) {
                throw invalid("unknown interface kind '" + word + "'");
            }
        }
        return kinds;
    }

    private boolean onOff(Object value, String key) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (String.valueOf(value)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw invalid(key + " must be on or off, not '" + value + "'");
        };
    }

    private Double decimal(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? null : number(value);
    }

    private double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw invalid("'" + value + "' is not a number");
    }

    private String text(Object value, String key) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        throw invalid("'" + key + "' is required and must be text");
    }

    private List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    private List<Object> list(Object value) {
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw invalid("expected a list, not '" + value + "'");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> m) {
            return new LinkedHashMap<>((Map<String, Object>) m);
        }
        throw invalid("expected a mapping, not '" + value + "'");
    }

    private void unknownKeys(Set<String> keys, Set<String> known, String what) {
        for (String key : keys) {
            if (!known.contains(key)) {
                throw invalid("unknown " + what + " '" + key + "'; known: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException(source + (ruleId == null ? "" : ": rule '" + ruleId + "'") + ": " + message);
    }
}
