package io.offloadctl.model.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.report.FeatureReport;
import io.offloadctl.model.report.NodeReport;

/**
 * What an agent must change to reach its desired state: per interface, the enforce-mode features
 * that are changeable and not yet as desired. Interfaces no policy selects are never touched;
 * fixed features are left alone (they are unenforceable, not retried).
 */
public final class EnforcementPlanner {

    private EnforcementPlanner() {
    }

    /** From the node as it was just read: interfaces that are gone are skipped. */
    public static Map<String, FeatureRequest> plan(List<DesiredInterface> desired, NodeReport current) {
        Map<String, FeatureRequest> plan = new LinkedHashMap<>();
        for (DesiredInterface iface : desired) {
            if (current.interfaces().stream().noneMatch(i -> i.name().equals(iface.name()))) {
                continue;
            }
            Map<String, Boolean> wanted = new LinkedHashMap<>();
            iface.features().forEach((name, value) -> {
                if (value.mode() != PolicyMode.enforce) {
                    return;
                }
                current.feature(iface.name(), name).filter(FeatureReport::changeable).filter(f -> f.active() != value.value())
                        .ifPresent(f -> wanted.put(name, value.value()));
            });
            if (!wanted.isEmpty()) {
                plan.put(iface.name(), new FeatureRequest(wanted));
            }
        }
        return plan;
    }
}
