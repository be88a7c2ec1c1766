package io.offloadctl.node.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.FeatureTable;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.EnforcementPlanner;
import io.offloadctl.node.kernel.AllOrNothingApplier;
import io.offloadctl.node.kernel.FeatureReader;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.SetOutcome;

/** Reads the interfaces a desired state names and changes what differs, all-or-nothing. */
public final class DesiredStateEnforcer {

    private final KernelSession session;

    public DesiredStateEnforcer(KernelSession session) {
        this.session = session;
    }

    /** The changes the desired state needs now; interfaces that are gone are skipped. */
    public Map<String, FeatureRequest> plan(List<DesiredInterface> desired) {
        FeatureReader reader = new FeatureReader(session);
        Map<String, FeatureTable> tables = new LinkedHashMap<>();
        for (DesiredInterface iface : desired) {
            try {
                tables.put(iface.name(), reader.read(iface.name()));
            } catch (OffloadException missing) {
                // unplugged or its driver unloaded: nothing to enforce on it now
            }
        }
        return EnforcementPlanner.plan(desired, tables);
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
