package io.offloadctl.model.policy;

import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.model.settings.RingParameter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.SettingName;
import io.offloadctl.model.settings.SettingValue;

/**
 * Combines policies into one node's desired state. For each setting (a feature, a kind of channel, a size limit) of each interface the
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
            List<Policy> selecting = forNode.stream().filter(policy -> policy.selector().selectsInterface(iface)).toList();
            Map<String, DesiredFeature> features = new TreeMap<>();
            decideAll(iface.name(), selecting, p -> p.features(), feature -> feature, conflicts,
                    (feature, d) -> features.put(feature, new DesiredFeature(d.value(), d.winner().name(), d.winner().mode(), d.suspends())));
            Map<ChannelKind, DesiredCount> channels = new EnumMap<>(ChannelKind.class);
            decideAll(iface.name(), selecting, Policy::channelCounts, SettingName::channel, conflicts,
                    (kind, d) -> channels.put(kind, new DesiredCount(d.value(), d.winner().name(), d.winner().mode(), d.suspends())));
            Map<LinkLimit, DesiredCount> limits = new EnumMap<>(LinkLimit.class);
            decideAll(iface.name(), selecting, Policy::limitValues, SettingName::limit, conflicts,
                    (limit, d) -> limits.put(limit, new DesiredCount(d.value(), d.winner().name(), d.winner().mode(), d.suspends())));
            Map<RingParameter, DesiredCount> rings = new EnumMap<>(RingParameter.class);
            decideAll(iface.name(), selecting, Policy::ringValues, SettingName::parameter, conflicts,
                    (p, d) -> rings.put(p, new DesiredCount(d.value(), d.winner().name(), d.winner().mode(), d.suspends())));
            Map<CoalesceParameter, DesiredCount> coalesce = new EnumMap<>(CoalesceParameter.class);
            decideAll(iface.name(), selecting, Policy::coalesceValues, SettingName::parameter, conflicts,
                    (p, d) -> coalesce.put(p, new DesiredCount(d.value(), d.winner().name(), d.winner().mode(), d.suspends())));
            Map<PauseParameter, DesiredCount> pause = new EnumMap<>(PauseParameter.class);
            decideAll(iface.name(), selecting, Policy::pauseValues, SettingName::parameter, conflicts,
                    (p, d) -> pause.put(p, new DesiredCount(d.value(), d.winner().name(), d.winner().mode(), d.suspends())));
            if (!features.isEmpty() || !channels.isEmpty() || !limits.isEmpty() || !rings.isEmpty() || !coalesce.isEmpty()
                    || !pause.isEmpty()) {
                interfaces.add(new DesiredInterface(iface.name(), features, channels, limits, rings, coalesce, pause));
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
                        Rollout.forAgents(p.rollout()), p.channels(), p.limits(), p.rings(), p.coalesce(), p.pause()))
                .toList();
    }

    /** What decided one setting: the value, the policy whose mode applies, the enforce-mode policies an audit winner suspends. */
    private record Decision<V>(V value, Policy winner, List<String> suspends) {
    }

    /**
     * Decides every setting of one section ({@code section} gives a policy's values in it) among the
     * {@code selecting} policies, sorted by priority, highest first: the agreeing top priority decides,
     * a disagreeing one is a conflict.
     */
    private static <K, V> void decideAll(String interfaceName, List<Policy> selecting, Function<Policy, Map<K, V>> section,
                                         Function<K, String> settingName, List<PolicyConflict> conflicts,
                                         BiConsumer<K, Decision<V>> decided) {
        Map<K, List<Policy>> byKey = new LinkedHashMap<>();
        selecting.forEach(policy -> section.apply(policy).keySet()
                .forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(policy)));
        byKey.forEach((key, candidates) -> {
            int priority = candidates.get(0).priority();
            List<Policy> top = candidates.stream().filter(p -> p.priority() == priority).toList();
            V value = section.apply(top.get(0)).get(key);
            if (top.stream().allMatch(p -> section.apply(p).get(key).equals(value))) {
                // Agreeing policies of one priority: enforcement, when one of them enforces, whatever their names.
                Policy winner = top.stream().filter(p -> p.mode() == PolicyMode.enforce).findFirst().orElse(top.get(0));
                List<String> suspends = winner.mode() == PolicyMode.audit ? candidates.stream()
                        .filter(p -> p.mode() == PolicyMode.enforce).map(Policy::name).toList() : List.of();
                decided.accept(key, new Decision<>(value, winner, suspends));
                return;
            }
            Map<String, Object> wants = new TreeMap<>();
            top.forEach(p -> wants.put(p.name(), SettingValue.of(section.apply(p).get(key))));
            conflicts.add(new PolicyConflict(interfaceName, settingName.apply(key), priority, wants));
        });
    }
}
