package io.offloadctl.model.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.offloadctl.model.report.AgentStatus;
import io.offloadctl.model.report.FeatureReport;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.report.Quarantine;

/** Compares a node's reported features with its desired state. */
public final class ComplianceEvaluator {

    private ComplianceEvaluator() {
    }

    /** Every reported interface with its status, in name order. */
    public static List<InterfaceCompliance> evaluate(NodeReport report, DesiredState desired) {
        Map<String, DesiredInterface> wanted = desired.interfaces().stream()
                .collect(Collectors.toMap(DesiredInterface::name, Function.identity()));
        return report.interfaces().stream()
                .sorted(java.util.Comparator.comparing(InterfaceReport::name))
                .map(iface -> evaluate(iface, wanted.get(iface.name()), report.agentStatus()))
                .toList();
    }

    /** The node's status: the most urgent of its interfaces' (stale is decided by the caller, from time). */
    public static ComplianceStatus nodeStatus(List<InterfaceCompliance> interfaces) {
        return interfaces.stream().map(InterfaceCompliance::status)
                .reduce(ComplianceStatus.unmanaged, ComplianceStatus::worse);
    }

    /**
     * The node's status against revision {@code revision} under retry generation {@code retry}: failed
     * when its agent holds exactly that revision back, else the most urgent of its interfaces'.
     */
    public static ComplianceStatus nodeStatus(NodeReport report, List<InterfaceCompliance> interfaces, long revision, long retry) {
        Quarantine quarantine = report.agentStatus().quarantine();
        return quarantine != null && quarantine.holds(revision, retry) ? ComplianceStatus.failed : nodeStatus(interfaces);
    }

    private static InterfaceCompliance evaluate(InterfaceReport iface, DesiredInterface desired, AgentStatus agent) {
        if (desired == null) {
            return new InterfaceCompliance(iface.name(), ComplianceStatus.unmanaged, List.of());
        }
        ComplianceStatus status = ComplianceStatus.compliant;
        List<Deviation> deviations = new ArrayList<>();
        for (Map.Entry<String, DesiredFeature> entry : desired.features().entrySet()) {
            FeatureReport actual = iface.features().get(entry.getKey());
            boolean value = entry.getValue().value();
            boolean contested = agent.isContested(iface.name(), entry.getKey());
            if (actual != null && actual.active() == value && !contested) {
                continue;
            }
            ComplianceStatus why = contested ? ComplianceStatus.contested
                    : actual == null || actual.fixed() ? ComplianceStatus.unenforceable : ComplianceStatus.drifted;
            deviations.add(new Deviation(entry.getKey(), value, actual == null ? null : actual.active(), why,
                    entry.getValue().policy()));
            status = status.worse(why);
        }
        return new InterfaceCompliance(iface.name(), status, deviations);
    }
}
