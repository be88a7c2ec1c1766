package io.offloadctl.model.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;

/**
 * Combines policies into one node's desired state. For each feature of each interface the
 * selecting policy with the highest priority decides; policies of that same priority that
 * disagree make a conflict, which is reported and leaves the feature out. An audit-mode policy that
 * decides names the enforce-mode policies below it that it keeps from being applied: an operator who
 * adds an audit policy must see that it switched enforcement off.
 */
public final class DesiredStateCalculator {

    private DesiredStateCalculator() {
    }

    public static DesiredState calculate(NodeReport node, List<Policy> policies) {
        return ofSelected(node.interfaces(), policiesFor(node.labels(), policies));
    }

    /**
     * The desired state of these interfaces under policies already known to select their node (the
     * ones a desired state carries: an agent applies them to the interfaces it has now).
     */
    public static DesiredState ofSelected(List<InterfaceReport> nodeInterfaces, List<Policy> selected) {
        List<Policy> forNode = selected.stream()
                .sorted(Comparator.comparingInt(Policy::priority).reversed().thenComparing(Policy::name)).toList();
        List<DesiredInterface> interfaces = new ArrayList<>();
        List<PolicyConflict> conflicts = new ArrayList<>();
        for (InterfaceReport iface : nodeInterfaces.stream().sorted(Comparator.comparing(InterfaceReport::name)).toList()) {
            Map<String, List<Policy>> byFeature = new TreeMap<>();
            forNode.stream().filter(policy -> policy.selector().selectsInterface(iface))
                    .forEach(policy -> policy.features().keySet()
                            .forEach(feature -> byFeature.computeIfAbsent(feature, f -> new ArrayList<>()).add(policy)));
            Map<String, DesiredFeature> features = new TreeMap<>();
            byFeature.forEach((feature, candidates) -> decide(iface.name(), feature, candidates, features, conflicts));
            if (!features.isEmpty()) {
                interfaces.add(new DesiredInterface(iface.name(), features));
            }
        }
        return new DesiredState(interfaces, conflicts, forNode);
    }

    /**
     * The policies that select a node with these labels, highest priority first, without their
     * descriptions and of their rollout only a verification (what an agent needs to decide, no more: a
     * new description or soak time is no new revision).
     */
    public static List<Policy> policiesFor(Map<String, String> labels, List<Policy> policies) {
        return policies.stream()
                .filter(policy -> policy.selector().selectsNode(labels))
                .sorted(Comparator.comparingInt(Policy::priority).reversed().thenComparing(Policy::name))
                .map(p -> new Policy(p.name(), null, p.priority(), p.mode(), p.selector(), p.features(), p.onRemove(),
                        Rollout.forAgents(p.rollout())))
                .toList();
    }

    /** {@code candidates} are sorted by priority, highest first. */
    private static void decide(String interfaceName, String feature, List<Policy> candidates,
                               Map<String, DesiredFeature> features, List<PolicyConflict> conflicts) {
        int priority = candidates.get(0).priority();
        List<Policy> top = candidates.stream().filter(p -> p.priority() == priority).toList();
        boolean value = top.get(0).features().get(feature);
        if (top.stream().allMatch(p -> p.features().get(feature) == value)) {
            // Agreeing policies of one priority: enforcement, when one of them enforces, whatever their names.
            Policy winner = top.stream().filter(p -> p.mode() == PolicyMode.enforce).findFirst().orElse(top.get(0));
            List<String> suspends = winner.mode() == PolicyMode.audit ? candidates.stream()
                    .filter(p -> p.mode() == PolicyMode.enforce).map(Policy::name).toList() : List.of();
            features.put(feature, new DesiredFeature(value, winner.name(), winner.mode(), suspends));
            return;
        }
        Map<String, Boolean> wants = new TreeMap<>();
        top.forEach(p -> wants.put(p.name(), p.features().get(feature)));
        conflicts.add(new PolicyConflict(interfaceName, feature, priority, wants));
    }
}
