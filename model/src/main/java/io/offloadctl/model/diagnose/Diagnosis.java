package io.offloadctl.model.diagnose;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.persist.LegacyCompaction;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.report.FeatureReport;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs a rule book over a node: every rule against every interface but loopback (its traffic never
 * meets a NIC, a bridge or a virtual switch). The same code serves offloadctl doctor and the API.
 */
public final class Diagnosis {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(Finding::interfaceName).thenComparing(Finding::rule);

    private final RuleBook rules;

    public Diagnosis(RuleBook rules) {
        this.rules = rules;
    }

    /**
     * @param sample  counter rates over an interval, or null (then the symptom rules stay silent)
     * @param desired what policies want, by interface name (may be empty)
     */
    public List<Finding> run(NodeReport node, NodeSample sample, Map<String, DesiredInterface> desired) {
        return run(node, sample, desired, false);
    }

    /**
     * The findings of the symptom rules only (those that need a sample): between two reports of one
     * configuration nothing else can have changed, so the others' findings stand.
     */
    public List<Finding> symptoms(NodeReport node, NodeSample sample, Map<String, DesiredInterface> desired) {
        return run(node, sample, desired, true);
    }

    /**
     * Whether {@link #symptoms} could find anything over this sample on these interfaces, judged from
     * the counters alone: false means it finds nothing, and the node's configuration need not be read.
     */
    public boolean mayFindSymptoms(NodeSample sample, java.util.Collection<String> interfaces) {
        return rules.rules().stream().filter(Rule::symptom)
                .anyMatch(rule -> interfaces.stream().anyMatch(iface -> rule.mayHold(sample, iface)));
    }

    /** Whether a finding comes from a symptom rule of this book. */
    public boolean isSymptom(Finding finding) {
        return rules.rules().stream().anyMatch(r -> r.id().equals(finding.rule()) && r.symptom());
    }

    /** Findings in their order: most severe first, then by interface and rule. */
    public static List<Finding> sorted(List<Finding> findings) {
        List<Finding> all = new ArrayList<>(findings);
        all.sort(ORDER);
        return all;
    }

    private List<Finding> run(NodeReport node, NodeSample sample, Map<String, DesiredInterface> desired, boolean onlySymptoms) {
        Map<String, InterfaceReport> byName = new TreeMap<>();
        node.interfaces().forEach(i -> byName.put(i.name(), i));
        Optional<NodeRole> role = NodeRole.of(node);
        List<Finding> findings = new ArrayList<>();
        for (InterfaceReport iface : node.interfaces()) {
            if (iface.kind() == InterfaceKind.loopback) {
                continue;
            }
            List<InterfaceReport> ports = node.interfaces().stream().filter(p -> iface.name().equals(p.master())).toList();
            InterfaceFacts facts = new InterfaceFacts(iface, node, role, iface.master() == null ? null : byName.get(iface.master()),
                    ports, sample, desired.get(iface.name()));
            for (Rule rule : rules.rules()) {
                if (onlySymptoms && !rule.symptom()) {
                    continue;
                }
                rule.match(facts).ifPresent(evidence -> findings.add(finding(rule, iface, evidence)));
            }
        }
        findings.sort(ORDER);
        return findings;
    }

    private static Finding finding(Rule rule, InterfaceReport iface, List<String> evidence) {
        Map<String, Boolean> changes = new TreeMap<>();
        rule.recommend().forEach((name, on) -> {
            for (String member : FeatureCondition.members(name, iface.features())) {
                FeatureReport now = iface.features().get(member);
                if (now.changeable() && now.active() != on) {
                    changes.put(member, on);
                }
            }
        });
        String fix = changes.isEmpty() ? null : LegacyCompaction.arguments(changes, iface.features());
        return new Finding(rule.id(), rule.title(), rule.severity(), iface.name(), evidence, changes, fix,
                rule.explanation(), rule.sources());
    }
}
