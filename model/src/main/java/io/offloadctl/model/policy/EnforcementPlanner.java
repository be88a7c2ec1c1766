package io.offloadctl.model.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.settings.SettingsRequest;

/**
 * What an agent must change to reach its desired state: per interface, the settings enforce-mode
 * policies want that are changeable and not yet as desired ({@link SettingsComparison#toChange}).
 * Interfaces no policy selects are never touched; unenforceable settings (fixed features, counts
 * beyond the driver's maxima) are left alone, not retried.
 */
public final class EnforcementPlanner {

    private EnforcementPlanner() {
    }

    /** From the node as it was just read: interfaces that are gone are skipped. */
    public static Map<String, SettingsRequest> plan(List<DesiredInterface> desired, NodeReport current) {
        Map<String, SettingsRequest> plan = new LinkedHashMap<>();
        for (DesiredInterface iface : desired) {
            InterfaceReport now = current.interfaces().stream().filter(i -> i.name().equals(iface.name())).findFirst().orElse(null);
            if (now == null) {
                continue;
            }
            Map<String, Object> wanted = new LinkedHashMap<>();
            SettingsComparison.toChange(now, iface).forEach(d -> wanted.put(d.setting(), d.desired()));
            if (!wanted.isEmpty()) {
                plan.put(iface.name(), SettingsRequest.of(wanted));
            }
        }
        return plan;
    }
}
