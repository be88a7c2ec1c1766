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
        List<FeatureReport> members = members(name, facts.iface().features()).stream()
                .map(facts.iface().features()::get).toList();
        return state.holds(members) ? Optional.of(name + " " + state.word()) : Optional.empty();
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
