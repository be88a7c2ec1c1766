package io.offloadctl.node.agent;

import java.util.Map;

import io.offloadctl.model.settings.SettingsRequest;
import io.offloadctl.node.kernel.AllOrNothingApplier;
import io.offloadctl.node.kernel.KernelSession;

/** Changes what a plan (EnforcementPlanner) says differs, all-or-nothing, and says it in words. */
public final class DesiredStateEnforcer {

    private final KernelSession session;

    public DesiredStateEnforcer(KernelSession session) {
        this.session = session;
    }

    /** Applies a plan; on any failure every interface is put back and the failure thrown. */
    public AllOrNothingApplier.Change apply(Map<String, SettingsRequest> plan) {
        return new AllOrNothingApplier(session).apply(plan);
    }

    /** "eno1 rx-gro off, eno1 tx-generic-segmentation off, eno1 channels.rx 2". */
    public static String describe(Map<String, SettingsRequest> plan) {
        return String.join(", ", plan.entrySet().stream().map(e -> e.getValue().describe(e.getKey())).toList());
    }
}
