package io.offloadctl.api.render;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.offloadctl.api.node.DesiredView;
import io.offloadctl.api.node.NodeService;
import io.offloadctl.api.policy.PolicyService;
import io.offloadctl.model.persist.PersistCommands;
import io.offloadctl.model.persist.PersistFormat;
import io.offloadctl.model.persist.PersistPlan;
import io.offloadctl.model.persist.PersistPlans;
import io.offloadctl.model.persist.PersistRenderer;
import io.offloadctl.model.persist.PersistTarget;
import io.offloadctl.model.policy.Policy;
import io.offloadctl.model.policy.PolicyMode;

/**
 * Renders persistence artifacts through the shared renderers, so the API and the node binary
 * produce the same text: for a policy (its interface globs and drivers) or for a node's desired
 * state (its concrete interfaces, enforced settings only, without those its drivers cannot take).
 */
@ApplicationScoped
public class RenderService {

    private final PolicyService policies;
    private final NodeService nodes;

    public RenderService(PolicyService policies, NodeService nodes) {
        this.policies = policies;
        this.nodes = nodes;
    }

    /** A rendered artifact and its media type. */
    public record Rendered(String text, String mediaType) {
    }

    public Rendered policy(long id, String format, String tool) {
        Policy policy = policies.get(id).policy();
        List<String> globs = policy.selector().interfaces().isEmpty() ? List.of("*") : policy.selector().interfaces();
        List<PersistPlan.Item> items = globs.stream()
                .map(glob -> new PersistPlan.Item(PersistTarget.matching(glob, policy.selector().drivers()), policy.features(),
                        policy.channelCounts(), policy.limitValues(), policy.ringValues(), policy.coalesceValues(),
                        policy.pauseValues()))
                .toList();
        List<String> notes = new ArrayList<>();
        if (policy.mode() == PolicyMode.audit) {
            notes.add("policy '" + policy.name() + "' is in audit mode: agents do not apply it");
        }
        if (!policy.selector().kinds().isEmpty()) {
            notes.add("the policy also selects interface kinds " + policy.selector().kinds()
                    + ", which this artifact cannot express: check the interface names it matches");
        }
        if (!policy.selector().masters().isEmpty()) {
            notes.add("the policy selects only ports of " + policy.selector().masters()
                    + ", which this artifact cannot express: check the interface names it matches");
        }
        if (!policy.selector().matchExpressions().isEmpty()) {
            notes.add("matchExpressions are not rendered; only matchLabels choose the hosts");
        }
        return render(new PersistPlan(policy.name(), policy.selector().matchLabels(), items, notes), format, tool);
    }

    public Rendered node(String node, String format, String tool) {
        DesiredView desired = nodes.desired(node);
        return render(PersistPlans.forDesired(node, desired.revision(), desired.interfaces(), desired.conflicts().size(),
                nodes.unenforceable(node)), format, tool);
    }

    private static Rendered render(PersistPlan plan, String formatName, String toolName) {
        PersistFormat format = PersistFormat.fromWire(formatName == null ? "" : formatName);
        PersistCommands commands = PersistPlans.commands(format, toolName, null);
        return new Rendered(PersistRenderer.of(format, commands).render(plan), format.mediaType());
    }
}
