package io.offloadctl.api.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.offloadctl.model.policy.ComplianceStatus;
import io.offloadctl.model.policy.LabelRequirement;
import io.quarkus.panache.common.Sort;

/**
 * Lists nodes with filters: driver and status in SQL, the label selector on the stored labels.
 * Ordered by name, paginated.
 */
@ApplicationScoped
public class NodeListing {

    private final NodeService nodes;

    public NodeListing(NodeService nodes) {
        this.nodes = nodes;
    }

    public NodePage list(String labelSelector, String driver, ComplianceStatus status, int page, int size) {
        List<LabelRequirement> requirements = LabelSelectorParser.parse(labelSelector);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (driver != null) {
            conditions.add("name in (select i.node from NodeInterfaceEntity i where i.driver = :driver)");
            parameters.put("driver", driver);
        }
        if (status == ComplianceStatus.stale) {
            conditions.add("reportedAt < :cutoff");
            parameters.put("cutoff", nodes.staleCutoff());
        } else if (status != null) {
            conditions.add("status = :status and reportedAt >= :cutoff");
            parameters.put("status", status.name());
            parameters.put("cutoff", nodes.staleCutoff());
        }
        List<NodeRow> matching = (conditions.isEmpty()
                ? NodeEntity.findAll(Sort.by("name"))
                : NodeEntity.find(String.join(" and ", conditions), Sort.by("name"), parameters))
                .project(NodeRow.class).list().stream()
                .filter(node -> requirements.stream().allMatch(r -> r.matches(nodes.labels(node))))
                .toList();
        List<NodeRow> slice = matching.stream().skip((long) page * size).limit(size).toList();
        Map<String, Long> interfaceCounts = slice.isEmpty() ? Map.of() : NodeInterfaceEntity
                .<NodeInterfaceEntity>find("node in ?1", slice.stream().map(NodeRow::name).toList()).list().stream()
                .collect(Collectors.groupingBy(i -> i.node, Collectors.counting()));
        List<NodeSummary> items = slice.stream()
                .map(node -> nodes.summary(node, interfaceCounts.getOrDefault(node.name(), 0L)))
                .toList();
        return new NodePage(items, page, size, matching.size());
    }
}
