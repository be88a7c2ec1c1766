package io.offloadctl.api.policy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.offloadctl.model.policy.ComplianceStatus;
import io.offloadctl.model.policy.SettingsComparison;
import io.offloadctl.model.report.AgentStatus;
import io.offloadctl.api.FleetLock;
import io.offloadctl.api.JsonCodec;
import io.offloadctl.api.event.EventLog;
import io.offloadctl.api.event.EventType;
import io.offloadctl.api.node.NodeEntity;
import io.offloadctl.api.node.NodeService;
import io.offloadctl.api.problem.ApiException;
import io.offloadctl.api.rollout.RolloutService;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.DesiredState;
import io.offloadctl.model.policy.DesiredStateCalculator;
import io.offloadctl.model.policy.Policy;
import io.offloadctl.model.policy.PolicyConflict;
import io.offloadctl.model.policy.PolicyMode;
import io.offloadctl.model.policy.PolicyNormalizer;
import io.offloadctl.model.policy.RemovalAction;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;
import io.quarkus.panache.common.Sort;

/** Creates, changes and deletes policies; every write re-evaluates the fleet in the same transaction. */
@ApplicationScoped
public class PolicyService {

    private final PolicyCatalog catalog;
    private final NodeService nodes;
    private final EventLog events;
    private final JsonCodec json;
    private final FleetLock fleet;
    private final RolloutService rollouts;

    public PolicyService(PolicyCatalog catalog, NodeService nodes, EventLog events, JsonCodec json, FleetLock fleet,
                         RolloutService rollouts) {
        this.fleet = fleet;
        this.rollouts = rollouts;
        this.catalog = catalog;
        this.nodes = nodes;
        this.events = events;
        this.json = json;
    }

    public List<StoredPolicy> list() {
        return PolicyEntity.<PolicyEntity>listAll(Sort.by("priority").descending().and("name")).stream()
                .map(catalog::toStored).toList();
    }

    public StoredPolicy get(long id) {
        return catalog.toStored(find(id));
    }

    @Transactional
    public StoredPolicy create(Policy given) {
        Policy policy = PolicyNormalizer.normalize(given);
        fleet.acquire();
        requireUniqueName(policy.name(), null);
        PolicyEntity entity = new PolicyEntity();
        catalog.copyInto(policy, entity);
        entity.version = 1;
        entity.createdAt = entity.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        entity.persist();
        events.record(EventType.policy_created, null, policy.name(), describe(policy));
        StoredPolicy stored = catalog.toStored(entity);
        rollouts.begin(null, stored);
        nodes.reevaluateAll();
        return stored;
    }

    @Transactional
    public StoredPolicy update(long id, Policy given, String ifMatch) {
        Policy policy = PolicyNormalizer.normalize(given);
        fleet.acquire();
        advanceVersion(id, ifMatch);
        rollouts.beforeChange(id);
        PolicyEntity entity = find(id);
        requireUniqueName(policy.name(), id);
        StoredPolicy before = catalog.toStored(entity);
        before = new StoredPolicy(before.id(), before.version() - 1, before.createdAt(), before.updatedAt(), before.policy());
        catalog.copyInto(policy, entity);
        entity.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        events.record(EventType.policy_changed, null, policy.name(), describe(policy));
        StoredPolicy after = catalog.toStored(entity);
        rollouts.begin(before, after);
        nodes.reevaluateAll();
        return after;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        fleet.acquire();
        PolicyEntity doomed = find(id);
        StoredPolicy before = catalog.toStored(doomed);
        String name = doomed.name;
        String removal = RemovalAction.restore.name().equals(doomed.onRemove)
                ? "on removal: restore (agents put back the originals they recorded)"
                : "on removal: keep (the hosts keep what the policy set)";
        long deleted = ifMatch == null || ifMatch.equals("*") ? PolicyEntity.delete("id", id)
                : PolicyEntity.delete("id = ?1 and version = ?2", id, expectedVersion(id, ifMatch));
        if (deleted == 0) {
            throw stale(id, ifMatch);
        }
        rollouts.beforeChange(id);
        events.record(EventType.policy_deleted, null, name, "policy deleted; " + removal);
        rollouts.begin(before, null);
        nodes.reevaluateAll();
    }

    /** What deleting the policy would do, node by node, to every feature it decides in enforce mode. */
    public RemovalPreview removal(long id) {
        Policy policy = get(id).policy();
        List<Policy> all = catalog.all();
        List<Policy> others = all.stream().filter(p -> !p.name().equals(policy.name())).toList();
        List<RemovalEffect> effects = new ArrayList<>();
        for (NodeEntity node : NodeEntity.<NodeEntity>listAll(Sort.by("name"))) {
            NodeReport report = json.read(node.report, NodeReport.class);
            if (!policy.selector().selectsNode(report.labels())) {
                continue;
            }
            DesiredState after = DesiredStateCalculator.calculate(report, others);
            for (DesiredInterface desired : DesiredStateCalculator.calculate(report, all).interfaces()) {
                InterfaceReport reported = report.interfaces().stream().filter(i -> i.name().equals(desired.name())).findFirst().orElse(null);
                desired.settings().forEach((feature, value) -> {
                    if (!value.policy().equals(policy.name()) || value.mode() != PolicyMode.enforce) {
                        return;
                    }
                    Object now = reported == null ? null : SettingsComparison.currentValue(reported, feature).orElse(null);
                    DesiredInterface.Wanted next = after.interfaces().stream().filter(i -> i.name().equals(desired.name())).findFirst()
                            .map(i -> i.settings().get(feature)).orElse(null);
                    var original = report.agentStatus().original(desired.name(), feature);
                    RemovalEffect effect;
                    if (next != null && next.mode() == PolicyMode.enforce) {
                        effect = new RemovalEffect(node.name, desired.name(), feature, now, next.value(), RemovalEffect.Outcome.taken_over, next.policy());
                    } else if (policy.onRemove() == RemovalAction.keep) {
                        effect = new RemovalEffect(node.name, desired.name(), feature, now, now, RemovalEffect.Outcome.kept, null);
                    } else if (original.isPresent()) {
                        effect = new RemovalEffect(node.name, desired.name(), feature, now, original.get().original(),
                                RemovalEffect.Outcome.restored, null);
                    } else {
                        effect = new RemovalEffect(node.name, desired.name(), feature, now, now, RemovalEffect.Outcome.not_recorded, null);
                    }
                    effects.add(effect);
                });
            }
        }
        return new RemovalPreview(policy.name(), policy.onRemove(), effects);
    }

    /** What saving {@code given} (as a new policy, or replacing the one of the same name) would change. */
    public PolicyPreview preview(Policy given) {
        Policy candidate = PolicyNormalizer.normalize(given);
        List<Policy> others = catalog.all().stream().filter(p -> !p.name().equals(candidate.name())).toList();
        List<Policy> with = new ArrayList<>(others);
        with.add(candidate);
        List<PolicyChange> changes = new ArrayList<>();
        List<PolicyConflict> conflicts = new ArrayList<>();
        List<PolicySuspension> suspensions = new ArrayList<>();
        int selectedNodes = 0;
        int selectedInterfaces = 0;
        for (NodeEntity node : NodeEntity.<NodeEntity>listAll(Sort.by("name"))) {
            NodeReport report = json.read(node.report, NodeReport.class);
            if (!candidate.selector().selectsNode(report.labels())) {
                continue;
            }
            List<InterfaceReport> selected = report.interfaces().stream().filter(candidate.selector()::selectsInterface).toList();
            if (selected.isEmpty()) {
                continue;
            }
            selectedNodes++;
            selectedInterfaces += selected.size();
            DesiredState after = DesiredStateCalculator.calculate(report, with);
            after.conflicts().stream().filter(c -> c.policies().containsKey(candidate.name())).forEach(conflicts::add);
            for (DesiredInterface desired : after.interfaces()) {
                InterfaceReport iface = report.interfaces().stream().filter(i -> i.name().equals(desired.name())).findFirst().orElseThrow();
                SettingsComparison.deviations(iface, desired, AgentStatus.NONE).stream()
                        .filter(d -> d.policy().equals(candidate.name()))
                        .forEach(d -> changes.add(new PolicyChange(node.name, iface.name(), d.setting(), d.actual(), d.desired(),
                                d.status() != ComplianceStatus.unenforceable, d.reason())));
                desired.settings().forEach((setting, value) -> {
                    boolean involved = value.policy().equals(candidate.name()) || value.suspends().contains(candidate.name());
                    if (involved && !value.suspends().isEmpty()) {
                        suspensions.add(new PolicySuspension(node.name, iface.name(), setting, value.policy(), value.suspends()));
                    }
                });
            }
        }
        return new PolicyPreview(candidate, selectedNodes, selectedInterfaces, changes, conflicts, suspensions);
    }

    private PolicyEntity find(long id) {
        PolicyEntity entity = PolicyEntity.findById(id);
        if (entity == null) {
            throw ApiException.notFound("no policy with id " + id);
        }
        return entity;
    }

    /**
     * Compare and set: the version goes up by one only if it is still the one If-Match names (a
     * conditional update in the database, not a comparison in memory), so of concurrent writers that
     * read the same version exactly one wins and the others get 412.
     */
    private static void advanceVersion(long id, String ifMatch) {
        long updated = ifMatch == null || ifMatch.equals("*")
                ? PolicyEntity.update("version = version + 1 where id = ?1", id)
                : PolicyEntity.update("version = version + 1 where id = ?1 and version = ?2", id, expectedVersion(id, ifMatch));
        if (updated == 0) {
            throw stale(id, ifMatch);
        }
    }

    /** The version an If-Match value names: an ETag is the version in quotes. */
    private static int expectedVersion(long id, String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            throw ApiException.preconditionFailed("If-Match needs the strong ETag of policy " + id + ", not a weak one");
        }
        try {
            if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                return Integer.parseInt(tag.substring(1, tag.length() - 1));
            }
        } catch (NumberFormatException e) {
            // not one of our ETags: below
        }
        throw stale(id, ifMatch);
    }

    private static ApiException stale(long id, String ifMatch) {
        PolicyEntity current = PolicyEntity.findById(id);
        if (current == null) {
            return ApiException.notFound("no policy with id " + id);
        }
        return ApiException.preconditionFailed("policy " + id + " is at version \"" + current.version
                + "\", not " + ifMatch + "; read it again and re-apply your change");
    }

    private static void requireUniqueName(String name, Long exceptId) {
        PolicyEntity existing = PolicyEntity.find("name", name).firstResult();
        if (existing != null && !existing.id.equals(exceptId)) {
            throw ApiException.conflict("a policy named '" + name + "' exists already (id " + existing.id + ")");
        }
    }

    private static String describe(Policy policy) {
        return policy.mode() + ", priority " + policy.priority() + ": " + policy.features()
                + (policy.channels() == null ? "" : ", channels " + policy.channelCounts())
                + (policy.limits() == null ? "" : ", limits " + policy.limitValues())
                + (policy.rings() == null ? "" : ", rings " + policy.ringValues())
                + (policy.coalesce() == null ? "" : ", coalesce " + policy.coalesceValues())
                + (policy.pause() == null ? "" : ", pause " + policy.pauseValues());
    }
}
