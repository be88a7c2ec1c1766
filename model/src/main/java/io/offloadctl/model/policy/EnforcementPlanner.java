package io.offloadctl.model.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.offloadctl.model.Feature;
import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.FeatureTable;

/**
 * What an agent must change to reach its desired state: per interface, the enforce-mode features
 * that are changeable and not yet as desired. Interfaces no policy selects are never touched;
 * fixed features are left alone (they are unenforceable, not retried).
 */
public final class EnforcementPlanner {

    private EnforcementPlanner() {
    }

    public static Map<String, FeatureRequest> plan(List<DesiredInterface> desired, Map<String, FeatureTable> current) {
        Map<String, FeatureRequest> plan = new LinkedHashMap<>();
        for (DesiredInterface iface : desired) {
            FeatureTable table = current.get(iface.name());
            if (table == null) {
                continue;
            }
            Map<String, Boolean> wanted = new LinkedHashMap<>();
            iface.features().forEach((name, value) -> {
                if (value.mode() != PolicyMode.enforce) {
                    return;
                }
                table.feature(name).filter(Feature::changeable).filter(f -> f.active() != value.value())
                        .ifPresent(f -> wanted.put(name, value.value()));
            });
            if (!wanted.isEmpty()) {
                plan.put(iface.name(), new FeatureRequest(wanted));
            }
        }
        return plan;
    }
}
