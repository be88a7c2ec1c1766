package io.offloadctl.model.policy;

import java.util.List;

/**
 * What the policies want of one node: per interface, per feature, a value and its policy; the
 * conflicts that were reported instead of resolved; and the policies that select the node, which
 * its agent applies (through {@link DesiredStateCalculator}, as here) to interfaces that appear
 * between two reports. Only interfaces some policy selects appear.
 */
public record DesiredState(List<DesiredInterface> interfaces, List<PolicyConflict> conflicts, List<Policy> policies) {

    public DesiredState {
        interfaces = List.copyOf(interfaces);
        conflicts = List.copyOf(conflicts);
        policies = policies == null ? List.of() : List.copyOf(policies);
    }

    /** A stable text of the whole result: equal exactly when two results are equal. */
    public String fingerprint() {
        return interfaces + "|" + conflicts + "|" + policies;
    }
}
