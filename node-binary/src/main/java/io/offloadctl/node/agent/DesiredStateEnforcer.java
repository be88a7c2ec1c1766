package io.offloadctl.node.agent;

import java.util.List;
import java.util.Map;

import io.offloadctl.model.FeatureRequest;
import io.offloadctl.node.kernel.AllOrNothingApplier;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.SetOutcome;

/** Changes what a plan (EnforcementPlanner) says differs, all-or-nothing, and says it in words. */
public final class DesiredStateEnforcer {

    private final KernelSession session;

    public DesiredStateEnforcer(KernelSession session) {
        this.session = session;
    }

    /** Applies a plan; on any failure every interface is put back and the failure thrown. */
    public List<SetOutcome> apply(Map<String, FeatureRequest> plan) {
        return new AllOrNothingApplier(session).apply(plan);
    }

    /** "eno1 rx-gro off, eno1 tx-generic-segmentation off". */
    public static String describe(Map<String, FeatureRequest> plan) {
        return String.join(", ", plan.entrySet().stream()
                .flatMap(e -> e.getValue().wanted().entrySet().stream()
                        .map(w -> e.getKey() + " " + w.getKey() + " " + (w.getValue() ? "on" : "off")))
                .toList());
    }
}
