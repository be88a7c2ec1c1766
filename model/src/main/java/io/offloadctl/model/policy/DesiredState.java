package io.offloadctl.model.policy;

import java.util.List;

/**
 * What the policies want of one node: per interface, per feature, a value and its policy; and the
 * conflicts that were reported instead of resolved. Only interfaces some policy selects appear.
 */
public record DesiredState(List<DesiredInterface> interfaces, List<PolicyConflict> conflicts) {

    public DesiredState {
        interfaces = List.copyOf(interfaces);
        conflicts = List.copyOf(conflicts);
    }

    /** A stable text of the whole result: equal exactly when two results are equal. */
    public String fingerprint() {
        return interfaces + "|" + conflicts;
    }
}
