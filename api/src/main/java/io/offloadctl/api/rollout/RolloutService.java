package io.offloadctl.api.rollout;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.offloadctl.api.FleetLock;
import io.offloadctl.api.JsonCodec;
import io.offloadctl.api.event.EventLog;
import io.offloadctl.api.event.EventType;
import io.offloadctl.api.node.NodeEntity;
import io.offloadctl.api.node.NodeService;
import io.offloadctl.api.policy.PolicyCatalog;
import io.offloadctl.api.policy.StoredPolicy;
import io.offloadctl.api.problem.ApiException;
import io.offloadctl.api.verification.VerificationEntity;
import io.offloadctl.model.policy.ComplianceStatus;
import io.offloadctl.model.policy.DesiredState;
import io.offloadctl.model.policy.DesiredStateCalculator;
import io.offloadctl.model.policy.Policy;
import io.offloadctl.model.policy.PolicyMode;
import io.offloadctl.model.policy.RemovalAction;
import io.offloadctl.model.policy.Rollout;
import io.offloadctl.model.policy.RolloutWaves;
import io.offloadctl.model.report.NodeReport;
import io.quarkus.panache.common.Sort;

/**
 * Staged rollouts. A change of a policy that changes hosts (an enforce-mode policy created or
 * changed; one deleted, narrowed or switched to audit under onRemove restore) starts a rollout over
 * the nodes whose desired state it changes: their waves are planned at once ({@link RolloutWaves}),
 * the first wave gets the change, the others keep the policy as it was ({@link RolloutHolds}).
 * {@link #advance()} moves each progressing rollout on, judging the nodes of its current wave only: one
 * that failed (its agent rolled the change back or could not apply it) or went stale pauses it; a wave whose
 * nodes all reported the change applied and compliant, and stayed so for the soak time, lets the
 * next wave have it. Operators pause, resume (past failed nodes) and abort (the policy goes back to
 * what it was, everywhere).
 */
@ApplicationScoped
public class RolloutService {

    /** What a node reports once it applied all it can of a change: nothing deviates that the agent could change. */
    private static final java.util.Set<ComplianceStatus> APPLIED = java.util.EnumSet.of(ComplianceStatus.compliant,
            ComplianceStatus.unmanaged, ComplianceStatus.unenforceable);

    private final JsonCodec json;
    private final NodeService nodes;
    private final PolicyCatalog catalog;
    private final EventLog events;
    private final FleetLock fleet;

    public RolloutService(JsonCodec json, NodeService nodes, PolicyCatalog catalog, EventLog events, FleetLock fleet) {
        this.json = json;
        this.nodes = nodes;
        this.catalog = catalog;
        this.events = events;
        this.fleet = fleet;
    }

    /**
     * Before a policy is changed or deleted: refused while nodes still wait for a wave of an earlier
     * change of it (an operator aborts that first, or waits); a rollout whose nodes all have the
     * earlier change is superseded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void beforeChange(long policyId) {
        for (RolloutEntity rollout : RolloutEntity.<RolloutEntity>list("policyId = ?1 and state in ?2", policyId,
                List.of(RolloutState.progressing.name(), RolloutState.paused.name()))) {
            long waiting = RolloutNodeEntity.count("rolloutId = ?1 and state = ?2", rollout.id, RolloutNodeState.waiting.name());
            if (waiting > 0) {
                throw ApiException.conflict("policy " + rollout.policy + " is being rolled out (rollout " + rollout.id + ", wave "
                        + (rollout.wave + 1) + " of " + rollout.waves + ", " + rollout.state + "); " + waiting + " nodes wait for "
                        + "their wave. Abort it (POST /api/v1/policies/" + policyId + "/rollout/abort) or wait until every wave "
                        + "has it, then change the policy");
            }
            finish(rollout, RolloutState.superseded, "superseded by a later change of the policy");
        }
    }

    /**
     * After a policy was written (created, replaced, deleted: {@code after} null), before the fleet
     * is re-evaluated: starts a rollout when the change changes hosts, and releases its first wave.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void begin(StoredPolicy before, StoredPolicy after) {
        Policy was = before == null ? null : before.policy();
        Policy is = after == null ? null : after.policy();
        if (!changesHosts(was, is)) {
            return;
        }
        Rollout strategy = (is != null ? is : was).rolloutOrDefault();
        List<Policy> current = catalog.all();
        List<Policy> previous = RolloutHolds.apply(current, List.of(new RolloutHolds.Hold(is == null ? null : is.name(), was)));
        List<RolloutWaves.Candidate> reached = new ArrayList<>();
        for (NodeEntity node : NodeEntity.<NodeEntity>listAll(Sort.by("name"))) {
            NodeReport report = json.read(node.report, NodeReport.class);
            if (!DesiredStateCalculator.calculate(report, previous).fingerprint()
                    .equals(DesiredStateCalculator.calculate(report, current).fingerprint())) {
                reached.add(new RolloutWaves.Candidate(node.name,
                        strategy.spreadBy() == null ? null : report.labels().get(strategy.spreadBy())));
            }
        }
        if (reached.isEmpty()) {
            return;
        }
        List<List<RolloutWaves.Candidate>> waves = RolloutWaves.plan(reached, strategy);
        OffsetDateTime now = now();
        RolloutEntity rollout = new RolloutEntity();
        rollout.policyId = (after != null ? after : before).id();
        rollout.policy = (is != null ? is : was).name();
        rollout.change = (was == null ? RolloutChange.create : is == null ? RolloutChange.delete : RolloutChange.update).name();
        rollout.fromPolicy = before == null ? null : json.write(before);
        rollout.toPolicy = after == null ? null : json.write(after);
        rollout.strategy = json.write(strategy);
        rollout.state = RolloutState.progressing.name();
        rollout.wave = 0;
        rollout.waves = waves.size();
        rollout.createdAt = rollout.updatedAt = now;
        rollout.persist();
        for (int w = 0; w < waves.size(); w++) {
            for (RolloutWaves.Candidate candidate : waves.get(w)) {
                RolloutNodeEntity row = new RolloutNodeEntity();
                row.rolloutId = rollout.id;
                row.node = candidate.node();
                row.wave = w;
                row.spreadValue = candidate.spreadValue();
                row.state = RolloutNodeState.waiting.name();
                row.persist();
            }
        }
        events.record(EventType.rollout, null, rollout.policy, "rollout " + rollout.id + " (" + rollout.change + ") started: "
                + reached.size() + " nodes in " + waves.size() + " waves: " + waves.stream()
                .map(w -> w.stream().map(RolloutWaves.Candidate::node).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(" ")) + "; canary " + strategy.canary() + ", maxUnavailable " + strategy.maxUnavailable()
                + ", soak " + strategy.soak() + (strategy.spreadBy() == null ? "" : ", spread by " + strategy.spreadBy())
                + (strategy.verify() == null ? "" : ", verified against " + strategy.verify().peer()));
        startWave(rollout, now, false);
    }

    /**
     * Whether a change changes hosts, so that it rolls out: an enforce-mode policy after it, or
     * before it one whose removal (deleted, switched to audit) restores originals.
     */
    static boolean changesHosts(Policy before, Policy after) {
        if (after != null && after.mode() == PolicyMode.enforce) {
            return true;
        }
        return before != null && before.mode() == PolicyMode.enforce && before.onRemove() == RemovalAction.restore;
    }

    /** Moves every progressing rollout on; called by the {@link RolloutTicker}. */
    @Transactional
    public void advance() {
        if (RolloutEntity.count("state", RolloutState.progressing.name()) == 0) {
            return;
        }
        fleet.acquire();
        for (RolloutEntity rollout : RolloutEntity.<RolloutEntity>list("state", Sort.by("id"), RolloutState.progressing.name())) {
            advance(rollout, now());
        }
    }

    private void advance(RolloutEntity rollout, OffsetDateTime now) {
        // Only the current wave is judged: earlier waves are done, later ones wait; their nodes are not read.
        List<RolloutNodeEntity> wave = RolloutNodeEntity.list("rolloutId = ?1 and wave = ?2", Sort.by("node"), rollout.id, rollout.wave);
        Map<String, NodeEntity> nodesByName = nodesOf(wave);
        List<String> trouble = new ArrayList<>();
        for (RolloutNodeEntity row : wave) {
            if (RolloutNodeState.valueOf(row.state) == RolloutNodeState.accepted) {
                continue;
            }
            String problem = judge(rollout, row, nodesByName.get(row.node), now);
            if (problem != null) {
                trouble.add(problem);
            }
        }
        if (!trouble.isEmpty()) {
            String reason = String.join("; ", trouble);
            pause(rollout, reason, reason + "; later waves keep the policy as it was (resume past the failed nodes, or abort)");
            return;
        }
        OffsetDateTime soakUntil = soakUntil(rollout, wave);
        if (soakUntil == null || now.isBefore(soakUntil)) {
            return;
        }
        events.record(EventType.rollout, null, rollout.policy, "rollout " + rollout.id + ": wave " + (rollout.wave + 1) + " of "
                + rollout.waves + " done (" + wave.stream().map(r -> r.node + " " + r.state).collect(Collectors.joining(", "))
                + "; soaked " + strategy(rollout).soak() + ")");
        if (rollout.wave + 1 >= rollout.waves) {
            finish(rollout, RolloutState.completed, null);
            return;
        }
        rollout.wave++;
        startWave(rollout, now, true);
    }

    /** The end of a wave's soak: its nodes all compliant (or accepted), the soak time after the last became so; null while not. */
    private OffsetDateTime soakUntil(RolloutEntity rollout, List<RolloutNodeEntity> wave) {
        OffsetDateTime last = rollout.waveStartedAt;
        for (RolloutNodeEntity row : wave) {
            RolloutNodeState state = RolloutNodeState.valueOf(row.state);
            if (state == RolloutNodeState.compliant) {
                last = row.compliantAt.isAfter(last) ? row.compliantAt : last;
            } else if (state != RolloutNodeState.accepted) {
                return null;
            }
        }
        return last.plus(strategy(rollout).soakDuration());
    }

    /** The node rows of these rollout nodes, by name, in one query (deleted nodes are absent). */
    private static Map<String, NodeEntity> nodesOf(List<RolloutNodeEntity> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        return NodeEntity.<NodeEntity>list("name in ?1", rows.stream().map(r -> r.node).toList()).stream()
                .collect(Collectors.toMap(n -> n.name, n -> n));
    }

    /**
     * Decides a node's state in the current wave from its node row: failed when its agent holds the
     * revision back, stale when it stopped reporting, compliant once a report after its release
     * was. Returns the problem that pauses the rollout, or null.
     */
    private String judge(RolloutEntity rollout, RolloutNodeEntity row, NodeEntity node, OffsetDateTime now) {
        if (node == null) {
            row.state = RolloutNodeState.accepted.name();
            row.detail = "the node was deleted";
            return null;
        }
        ComplianceStatus status = nodes.effectiveStatus(node.status, node.reportedAt);
        if (ComplianceStatus.valueOf(node.status) == ComplianceStatus.failed) {
            NodeReport report = json.read(node.report, NodeReport.class);
            var held = report.agentStatus().quarantine();
            row.state = RolloutNodeState.failed.name();
            row.detail = held == null ? "its agent failed the revision" : held.reason();
            return row.node + " failed in wave " + (row.wave + 1) + ": " + row.detail;
        }
        if (status == ComplianceStatus.stale) {
            row.state = RolloutNodeState.stale.name();
            row.detail = "no report since " + node.reportedAt;
            return row.node + " stopped reporting in wave " + (row.wave + 1) + " (last report " + node.reportedAt + ")";
        }
        if (RolloutNodeState.valueOf(row.state) == RolloutNodeState.released && APPLIED.contains(status)
                && node.reportedAt.isAfter(row.releasedAt) && restored(rollout, node)) {
            row.state = RolloutNodeState.compliant.name();
            row.compliantAt = now;
            row.detail = status + " with revision " + node.desiredRevision + verification(rollout, row);
        }
        return null;
    }

    /**
     * Whether the node's agent is done putting back what the policy no longer governs there: no
     * original it recorded for the policy under onRemove restore is left for a feature the policy no
     * longer decides in enforce mode on that node.
     */
    private boolean restored(RolloutEntity rollout, NodeEntity node) {
        NodeReport report = json.read(node.report, NodeReport.class);
        DesiredState desired = json.read(node.desired, DesiredState.class);
        return report.agentStatus().originals().stream()
                .filter(o -> rollout.policy.equals(o.policy()) && o.onRemove() == RemovalAction.restore)
                .allMatch(o -> desired.interfaces().stream().filter(i -> i.name().equals(o.interfaceName()))
                        .map(i -> i.settings().get(o.setting()))
                        .anyMatch(f -> f != null && f.policy().equals(rollout.policy) && f.mode() == PolicyMode.enforce));
    }

    private String verification(RolloutEntity rollout, RolloutNodeEntity row) {
        if (strategy(rollout).verify() == null) {
            return "";
        }
        VerificationEntity latest = latestVerification(row);
        if (latest == null) {
            return "; no throughput verification (nothing to change)";
        }
        var report = json.read(latest.report, io.offloadctl.model.verify.VerificationReport.class);
        return "; throughput to " + latest.peer + " " + io.offloadctl.model.diagnose.Rates.bits(report.beforeBitsPerSecond()) + " before, "
                + io.offloadctl.model.diagnose.Rates.bits(report.afterBitsPerSecond()) + " after: " + (report.kept() ? "kept" : "rolled back");
    }

    private static VerificationEntity latestVerification(RolloutNodeEntity row) {
        return VerificationEntity.<VerificationEntity>find("node = ?1 and at >= ?2", Sort.by("at").descending(), row.node,
                row.releasedAt).firstResult();
    }

    /** Releases the rollout's current wave: its nodes get the change. */
    private void startWave(RolloutEntity rollout, OffsetDateTime now, boolean reevaluate) {
        List<RolloutNodeEntity> wave = RolloutNodeEntity.list("rolloutId = ?1 and wave = ?2", Sort.by("node"), rollout.id, rollout.wave);
        for (RolloutNodeEntity row : wave) {
            row.state = RolloutNodeState.released.name();
            row.releasedAt = now;
        }
        rollout.waveStartedAt = now;
        rollout.updatedAt = now;
        RolloutNodeEntity.flush();
        boolean canary = rollout.wave == 0 && strategy(rollout).canary() > 0;
        events.record(EventType.rollout, null, rollout.policy, "rollout " + rollout.id + ": wave " + (rollout.wave + 1) + " of "
                + rollout.waves + (canary ? " (canary)" : "") + " started: " + wave.stream().map(r -> r.node)
                .collect(Collectors.joining(", ")));
        if (reevaluate) {
            nodes.reevaluate(wave.stream().map(r -> r.node).toList());
        }
    }

    private void finish(RolloutEntity rollout, RolloutState state, String reason) {
        OffsetDateTime now = now();
        rollout.state = state.name();
        rollout.reason = reason;
        rollout.finishedAt = rollout.updatedAt = now;
        events.record(EventType.rollout, null, rollout.policy, "rollout " + rollout.id + " " + state
                + (reason == null ? "" : ": " + reason));
    }

    @Transactional
    public RolloutView pause(long policyId) {
        fleet.acquire();
        RolloutEntity rollout = active(policyId, "pause");
        if (RolloutState.valueOf(rollout.state) == RolloutState.paused) {
            return view(rollout);
        }
        pause(rollout, "paused by an operator", "by an operator");
        return view(rollout);
    }

    private void pause(RolloutEntity rollout, String reason, String event) {
        rollout.state = RolloutState.paused.name();
        rollout.reason = reason;
        rollout.updatedAt = now();
        events.record(EventType.rollout, null, rollout.policy, "rollout " + rollout.id + " paused in wave " + (rollout.wave + 1)
                + ": " + event);
    }

    /** Resumes a paused rollout; its failed and stale nodes are accepted (they keep what they have) and hold it no longer. */
    @Transactional
    public RolloutView resume(long policyId) {
        fleet.acquire();
        RolloutEntity rollout = active(policyId, "resume");
        if (RolloutState.valueOf(rollout.state) == RolloutState.progressing) {
            return view(rollout);
        }
        List<RolloutNodeEntity> accepted = RolloutNodeEntity.list("rolloutId = ?1 and state in ?2", Sort.by("node"), rollout.id,
                List.of(RolloutNodeState.failed.name(), RolloutNodeState.stale.name()));
        accepted.forEach(row -> {
            row.detail = row.state + ", accepted on resume: " + row.detail;
            row.state = RolloutNodeState.accepted.name();
        });
        rollout.state = RolloutState.progressing.name();
        rollout.reason = null;
        rollout.updatedAt = now();
        events.record(EventType.rollout, null, rollout.policy, "rollout " + rollout.id + " resumed in wave " + (rollout.wave + 1)
                + (accepted.isEmpty() ? "" : "; going on past " + accepted.stream().map(r -> r.node).collect(Collectors.joining(", "))
                + " (they keep what they have)"));
        return view(rollout);
    }

    /**
     * Aborts a rollout: the policy goes back to what it was before the change (an aborted creation
     * removes it, an aborted deletion brings it back under its id). Nodes that were waiting keep their
     * desired state; nodes that had the change go back, features the change set and the earlier
     * policy does not govern per the change's onRemove.
     */
    @Transactional
    public RolloutView abort(long policyId) {
        fleet.acquire();
        RolloutEntity rollout = active(policyId, "abort");
        StoredPolicy before = rollout.fromPolicy == null ? null : json.read(rollout.fromPolicy, StoredPolicy.class);
        if (before == null) {
            catalog.remove(rollout.policyId);
        } else {
            catalog.restore(before);
        }
        List<String> changed = RolloutNodeEntity.<RolloutNodeEntity>list("rolloutId = ?1 and state <> ?2", Sort.by("node"),
                rollout.id, RolloutNodeState.waiting.name()).stream().map(r -> r.node).toList();
        finish(rollout, RolloutState.aborted, "aborted by an operator in wave " + (rollout.wave + 1) + "; the policy is "
                + (before == null ? "removed" : "back at its earlier content") + "; " + (changed.isEmpty() ? "no node had the change"
                : String.join(", ", changed) + " go back") + " (what the change set and the earlier policy does not govern: onRemove "
                + (rollout.toPolicy == null ? RemovalAction.keep : json.read(rollout.toPolicy, StoredPolicy.class).policy().onRemove())
                + ")");
        RolloutNodeEntity.flush();
        nodes.reevaluateAll();
        return view(rollout);
    }

    private RolloutEntity active(long policyId, String action) {
        RolloutEntity rollout = RolloutEntity.latestOf(policyId);
        if (rollout == null) {
            throw ApiException.notFound("policy " + policyId + " has no rollout");
        }
        rollout = RolloutEntity.findById(rollout.id, LockModeType.PESSIMISTIC_WRITE);
        if (!RolloutState.valueOf(rollout.state).active()) {
            throw ApiException.conflict("rollout " + rollout.id + " of policy " + rollout.policy + " is " + rollout.state
                    + "; only a progressing or paused rollout can " + action);
        }
        return rollout;
    }

    public RolloutView latest(long policyId) {
        RolloutEntity rollout = RolloutEntity.latestOf(policyId);
        if (rollout == null) {
            throw ApiException.notFound("policy " + policyId + " has no rollout: no change of it changed any host "
                    + "(changes of audit-mode policies, and deletions under onRemove keep, take effect at once)");
        }
        return view(rollout);
    }

    public List<RolloutView> list(RolloutState state) {
        List<RolloutEntity> rollouts = state == null ? RolloutEntity.findAll(Sort.by("id").descending()).page(0, 100).list()
                : RolloutEntity.find("state", Sort.by("id").descending(), state.name()).page(0, 100).list();
        return rollouts.stream().map(this::view).toList();
    }

    /** Rollouts per state and the failed or stale nodes of active ones: for the metrics. */
    public Map<RolloutState, Long> countByState() {
        Map<RolloutState, Long> counts = new java.util.EnumMap<>(RolloutState.class);
        RolloutEntity.getEntityManager().createQuery("select r.state, count(r) from RolloutEntity r group by r.state", Object[].class)
                .getResultList().forEach(row -> counts.put(RolloutState.valueOf((String) row[0]), (Long) row[1]));
        return counts;
    }

    public long failedNodes() {
        return RolloutNodeEntity.getEntityManager().createQuery("select count(n) from RolloutNodeEntity n, RolloutEntity r "
                        + "where n.rolloutId = r.id and r.state in ('progressing', 'paused') and n.state in ('failed', 'stale')", Long.class)
                .getSingleResult();
    }

    RolloutView view(RolloutEntity rollout) {
        List<RolloutNodeEntity> rows = RolloutNodeEntity.list("rolloutId", Sort.by("wave").and("node"), rollout.id);
        Map<String, NodeEntity> nodesByName = nodesOf(rows);
        List<RolloutView.Wave> waves = new ArrayList<>();
        RolloutState state = RolloutState.valueOf(rollout.state);
        for (int w = 0; w < rollout.waves; w++) {
            int number = w;
            List<RolloutNodeEntity> wave = rows.stream().filter(r -> r.wave == number).toList();
            OffsetDateTime soakUntil = w == rollout.wave && state.active() ? soakUntil(rollout, wave) : null;
            String waveState = w < rollout.wave || state == RolloutState.completed ? "done"
                    : w > rollout.wave ? "waiting" : soakUntil != null ? "soaking" : state.active() ? "in-progress" : "stopped";
            waves.add(new RolloutView.Wave(w + 1, waveState, soakUntil, wave.stream().map(r -> nodeView(r, nodesByName.get(r.node))).toList()));
        }
        StoredPolicy before = rollout.fromPolicy == null ? null : json.read(rollout.fromPolicy, StoredPolicy.class);
        StoredPolicy after = rollout.toPolicy == null ? null : json.read(rollout.toPolicy, StoredPolicy.class);
        return new RolloutView(rollout.id, rollout.policyId, rollout.policy, RolloutChange.valueOf(rollout.change), state,
                rollout.reason, strategy(rollout), rollout.wave + 1, rollout.waveStartedAt,
                before == null ? null : before.policy(), after == null ? null : after.policy(), waves, rollout.createdAt,
                rollout.finishedAt);
    }

    private RolloutView.Node nodeView(RolloutNodeEntity row, NodeEntity node) {
        String detail = row.detail;
        if (detail == null && RolloutNodeState.valueOf(row.state) == RolloutNodeState.released) {
            detail = "waiting for a report of the new desired state applied and compliant";
        }
        return new RolloutView.Node(row.node, row.spreadValue, RolloutNodeState.valueOf(row.state), row.releasedAt, row.compliantAt,
                node == null ? null : nodes.effectiveStatus(node.status, node.reportedAt).name(),
                node == null ? null : node.reportedAt, node == null ? null : node.desiredRevision, detail);
    }

    private Rollout strategy(RolloutEntity rollout) {
        return json.read(rollout.strategy, Rollout.class);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
