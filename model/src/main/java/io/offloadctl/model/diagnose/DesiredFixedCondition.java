package io.offloadctl.model.diagnose;

import io.offloadctl.model.policy.DesiredFeature;
import io.offloadctl.model.report.FeatureReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The desired state wants a value of a feature the driver has fixed at the other value. */
record DesiredFixedCondition() implements Condition {

    @Override
    public Optional<String> evidence(InterfaceFacts facts) {
        return facts.desiredInterface().flatMap(desired -> {
            List<String> stuck = new ArrayList<>();
            for (Map.Entry<String, DesiredFeature> wanted : desired.features().entrySet()) {
                FeatureReport actual = facts.iface().features().get(wanted.getKey());
                if (actual != null && actual.fixed() && actual.active() != wanted.getValue().value()) {
                    stuck.add("policy '" + wanted.getValue().policy() + "' wants " + wanted.getKey() + " "
                            + (wanted.getValue().value() ? "on" : "off") + ", the driver has it fixed "
                            + (actual.active() ? "on" : "off"));
                }
            }
            return stuck.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", stuck));
        });
    }
}
