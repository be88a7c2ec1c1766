package io.offloadctl.api.compliance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.offloadctl.api.JsonCodec;
import io.offloadctl.api.node.NodeEntity;
import io.offloadctl.api.node.NodeService;
import io.offloadctl.model.policy.ComplianceStatus;
import io.offloadctl.model.policy.InterfaceCompliance;
import io.offloadctl.model.report.AgentStatus;
import io.quarkus.panache.common.Sort;

/** Reads the compliance stored with every node; decides staleness from the clock. */
@ApplicationScoped
public class ComplianceService {

    private final NodeService nodes;
    private final JsonCodec json;

    public ComplianceService(NodeService nodes, JsonCodec json) {
        this.nodes = nodes;
        this.json = json;
    }

    public ComplianceReport report(ComplianceStatus only) {
        Map<ComplianceStatus, Long> nodeCounts = new EnumMap<>(ComplianceStatus.class);
        Map<ComplianceStatus, Long> interfaceCounts = new EnumMap<>(ComplianceStatus.class);
        List<ComplianceReport.NodeCompliance> details = new ArrayList<>();
        for (ComplianceRow node : NodeEntity.findAll(Sort.by("name")).project(ComplianceRow.class).list()) {
            ComplianceStatus status = nodes.effectiveStatus(node.status(), node.reportedAt());
            List<InterfaceCompliance> interfaces = json.read(node.compliance(), NodeService.COMPLIANCE_TYPE);
            nodeCounts.merge(status, 1L, Long::sum);
            interfaces.forEach(i -> interfaceCounts.merge(status == ComplianceStatus.stale ? status : i.status(), 1L, Long::sum));
            if (only == null || only == status) {
                details.add(new ComplianceReport.NodeCompliance(node.name(), status, node.reportedAt(), node.desiredRevision(), interfaces,
                        node.agentStatus() == null ? null : json.read(node.agentStatus(), AgentStatus.class)));
            }
        }
        return new ComplianceReport(nodeCounts, interfaceCounts, details);
    }
}
