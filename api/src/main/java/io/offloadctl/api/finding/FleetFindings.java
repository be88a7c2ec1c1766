package io.offloadctl.api.finding;

import io.offloadctl.api.JsonCodec;
import io.offloadctl.api.node.NodeEntity;
import io.offloadctl.api.node.NodeFindings;
import io.offloadctl.model.diagnose.Finding;
import io.offloadctl.model.diagnose.Severity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Findings across the fleet: only nodes that have any are read (finding_count), never healthy nodes' documents. */
@ApplicationScoped
public class FleetFindings {

    private static final Comparator<NodeFinding> ORDER = Comparator.<NodeFinding, Severity>comparing(f -> f.finding().severity())
            .reversed().thenComparing(NodeFinding::node).thenComparing(f -> f.finding().interfaceName())
            .thenComparing(f -> f.finding().rule());

    private final JsonCodec json;

    public FleetFindings(JsonCodec json) {
        this.json = json;
    }

    public FindingPage find(Severity minimum, String rule, String node, int page, int size) {
        String sql = "select name, findings from node where finding_count > 0" + (node == null ? "" : " and name = ?1");
        var query = NodeEntity.getEntityManager().createNativeQuery(sql);
        if (node != null) {
            query.setParameter(1, node);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<NodeFinding> matching = new ArrayList<>();
        for (Object[] row : rows) {
            for (Finding finding : json.read((String) row[1], NodeFindings.FINDINGS_TYPE)) {
                if ((minimum == null || finding.severity().atLeast(minimum)) && (rule == null || rule.equals(finding.rule()))) {
                    matching.add(new NodeFinding((String) row[0], finding));
                }
            }
        }
        matching.sort(ORDER);
        Map<String, Long> bySeverity = new TreeMap<>(matching.stream()
                .collect(Collectors.groupingBy(f -> f.finding().severity().name(), Collectors.counting())));
        Map<String, Long> byRule = new TreeMap<>(matching.stream()
                .collect(Collectors.groupingBy(f -> f.finding().rule(), Collectors.counting())));
        long nodes = matching.stream().map(NodeFinding::node).distinct().count();
        int from = (int) Math.min((long) page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new FindingPage(List.copyOf(matching.subList(from, to)), page, size, matching.size(), bySeverity, byRule, nodes);
    }
}
