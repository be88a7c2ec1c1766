package io.offloadctl.model.policy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.offloadctl.model.report.AgentStatus;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.report.Quarantine;

/** A node's compliance: its interfaces' deviations ({@link SettingsComparison}) summed up in statuses. */
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
        List<Deviation> deviations = SettingsComparison.deviations(iface, desired, agent);
        ComplianceStatus status = deviations.stream().map(Deviation::status).reduce(ComplianceStatus.compliant, ComplianceStatus::worse);
        return new InterfaceCompliance(iface.name(), status, deviations);
    }
}
