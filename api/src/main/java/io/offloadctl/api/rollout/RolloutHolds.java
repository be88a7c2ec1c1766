package io.offloadctl.api.rollout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.offloadctl.api.JsonCodec;
import io.offloadctl.api.policy.StoredPolicy;
import io.offloadctl.model.policy.Policy;

/**
 * What a node's desired state is computed from while rollouts are under way: the policies as they
 * are, except that a node still waiting for its wave keeps each policy being rolled out as it was
 * before the change (a created policy absent, a deleted one present). The one place that answers
 * "which version of a policy does this node get".
 */
@ApplicationScoped
public class RolloutHolds {

    /** One waiting node's hold: the policy named {@code current} (null: none, a deletion) is replaced by {@code before} (null: a creation). */
    public record Hold(String current, Policy before) {
    }

    private static final String WAITING = "select n.node, r.toPolicy, r.fromPolicy from RolloutNodeEntity n, RolloutEntity r "
            + "where n.rolloutId = r.id and n.state = 'waiting' and r.state in ('progressing', 'paused')";

    private final JsonCodec json;

    public RolloutHolds(JsonCodec json) {
        this.json = json;
    }

    /** The holds of every waiting node. */
    public Map<String, List<Hold>> all() {
        return holds(RolloutNodeEntity.getEntityManager().createQuery(WAITING, Object[].class).getResultList());
    }

    /** The holds of one node (empty when it waits for no wave). */
    public List<Hold> of(String node) {
        return holds(RolloutNodeEntity.getEntityManager().createQuery(WAITING + " and n.node = :node", Object[].class)
                .setParameter("node", node).getResultList()).getOrDefault(node, List.of());
    }

    private Map<String, List<Hold>> holds(List<Object[]> rows) {
        Map<String, List<Hold>> holds = new HashMap<>();
        for (Object[] row : rows) {
            StoredPolicy after = row[1] == null ? null : json.read((String) row[1], StoredPolicy.class);
            StoredPolicy before = row[2] == null ? null : json.read((String) row[2], StoredPolicy.class);
            holds.computeIfAbsent((String) row[0], n -> new ArrayList<>())
                    .add(new Hold(after == null ? null : after.policy().name(), before == null ? null : before.policy()));
        }
        return holds;
    }

    /** The policies a node's desired state comes from, given its holds. */
    public static List<Policy> apply(List<Policy> current, List<Hold> holds) {
        if (holds.isEmpty()) {
            return current;
        }
        List<Policy> policies = new ArrayList<>(current);
        for (Hold hold : holds) {
            if (hold.current() != null) {
                policies.removeIf(p -> p.name().equals(hold.current()));
            }
            if (hold.before() != null) {
                policies.removeIf(p -> p.name().equals(hold.before().name()));
                policies.add(hold.before());
            }
        }
        return policies;
    }
}
