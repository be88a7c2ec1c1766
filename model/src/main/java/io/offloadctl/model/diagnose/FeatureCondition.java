package io.offloadctl.model.diagnose;

import io.offloadctl.model.LegacyFlags;
import io.offloadctl.model.report.FeatureReport;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A feature (a kernel name, or a legacy name for its whole group) in a given state. */
record FeatureCondition(String name, FeatureState state) implements Condition {

    @Override
    public Optional<String> evidence(InterfaceFacts facts) {
        List<String> names = members(name, facts.iface().features());
        List<FeatureReport> members = names.stream().map(facts.iface().features()::get).toList();
        return state.holds(members) ? Optional.of(ethtoolLine(name, names, facts.iface().features())) : Optional.empty();
    }

    /**
     * The feature as ethtool -k shows it: a group under its long name with the OR of its members
     * ("tcp-segmentation-offload: on"), followed by the members whose requested value differs from
     * the active one, as ethtool prints member lines ("tx-tcp-segmentation: off [requested on]");
     * a feature of its own (or a group of one) as its line, "[fixed]" when it cannot change.
     */
    static String ethtoolLine(String name, List<String> memberNames, Map<String, FeatureReport> features) {
        String shown = io.offloadctl.model.LegacyFlags.named(name).map(io.offloadctl.model.LegacyFlag::longName).orElse(name);
        if (memberNames.size() == 1) {
            return shown + ": " + line(features.get(memberNames.get(0)));
        }
        boolean active = memberNames.stream().map(features::get).anyMatch(FeatureReport::active);
        List<String> differing = memberNames.stream().filter(m -> features.get(m).requested() != features.get(m).active()
                && !features.get(m).fixed()).map(m -> m + ": " + line(features.get(m))).toList();
        return shown + ": " + (active ? "on" : "off") + (differing.isEmpty() ? "" : " (" + String.join(", ", differing) + ")");
    }

    /** A feature's value as on an ethtool -k line. */
    private static String line(FeatureReport feature) {
        return (feature.active() ? "on" : "off") + (feature.fixed() ? " [fixed]" : feature.requested() != feature.active()
                ? " [requested " + (feature.requested() ? "on" : "off") + "]" : "");
    }

    /** The kernel names {@code name} stands for among an interface's features. */
    static List<String> members(String name, Map<String, FeatureReport> features) {
        return LegacyFlags.members(name, features.keySet());
    }

    /** At least one of several feature conditions. */
    record AnyOf(List<FeatureCondition> choices) implements Condition {
        AnyOf {
            choices = List.copyOf(choices);
        }

        @Override
        public Optional<String> evidence(InterfaceFacts facts) {
            List<String> held = choices.stream().map(c -> c.evidence(facts)).flatMap(Optional::stream).toList();
            return held.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", held));
        }
    }
}
