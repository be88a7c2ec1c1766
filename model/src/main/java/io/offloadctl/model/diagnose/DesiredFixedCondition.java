package io.offloadctl.model.diagnose;

import java.util.List;
import java.util.Optional;

import io.offloadctl.model.policy.ComplianceStatus;
import io.offloadctl.model.policy.SettingsComparison;
import io.offloadctl.model.report.AgentStatus;
import io.offloadctl.model.settings.SettingName;
import io.offloadctl.model.settings.SettingValue;

/** The desired state wants a value of a feature the driver has fixed at the other value. */
record DesiredFixedCondition() implements Condition {

    @Override
    public Optional<String> evidence(InterfaceFacts facts) {
        return facts.desiredInterface().flatMap(desired -> {
            List<String> stuck = SettingsComparison.deviations(facts.iface(), desired, AgentStatus.NONE).stream()
                    .filter(d -> SettingName.isFeature(d.setting()) && d.status() == ComplianceStatus.unenforceable && d.actual() != null)
                    .map(d -> "policy '" + d.policy() + "' wants " + d.setting() + " " + SettingValue.text(d.desired()) + ", " + d.reason())
                    .toList();
            return stuck.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", stuck));
        });
    }
}
