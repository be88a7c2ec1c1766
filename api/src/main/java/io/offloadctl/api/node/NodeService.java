package io.offloadctl.api.node;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.offloadctl.model.policy.SettingsComparison;
import io.offloadctl.model.settings.SettingValue;
import io.offloadctl.api.FleetLock;
import io.offloadctl.api.JsonCodec;
import io.offloadctl.api.event.EventLog;
import io.offloadctl.api.event.EventType;
import io.offloadctl.api.policy.PolicyCatalog;
import io.offloadctl.api.problem.ApiException;
import io.offloadctl.api.rollout.RolloutHolds;
import io.offloadctl.model.policy.ComplianceEvaluator;
import io.offloadctl.model.policy.ComplianceStatus;
import io.offloadctl.model.policy.DesiredState;
import io.offloadctl.model.policy.DesiredStateCalculator;
import io.offloadctl.model.policy.InterfaceCompliance;
import io.offloadctl.model.policy.Policy;
import io.offloadctl.model.report.AgentStatus;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeCounters;
import io.offloadctl.model.report.NodeReport;

/** Node reports in, desired state and compliance out; keeps both current when policies change. */
@ApplicationScoped
public class NodeService {

    public static final TypeReference<List<InterfaceCompliance>> COMPLIANCE_TYPE = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    private final JsonCodec json;
    private final PolicyCatalog policies;
    private final EventLog events;
    private final Duration staleAfter;
    private final NodeFindings findings;
    private final FleetLock fleet;
    private final RolloutHolds holds;
    private final Counter firstReports;
    private final Counter configurationReports;
    private final Counter sampleReports;

    public NodeService(JsonCodec json, PolicyCatalog policies, EventLog events,
                       @ConfigProperty(name = "offloadctl.stale-after") Duration staleAfter, NodeFindings findings,
                       FleetLock fleet, RolloutHolds holds, MeterRegistry registry) {
        this.firstReports = reports(registry, "first");
        this.configurationReports = reports(registry, "configuration");
        this.sampleReports = reports(registry, "sample");
        this.fleet = fleet;
        this.holds = holds;
        this.json = json;
        this.policies = policies;
        this.events = events;
        this.staleAfter = staleAfter;
        this.findings = findings;
    }

    /** The outcome of a report: whether the node is new, and the answer for the agent (ReportResponse as JSON). */
    public record ReportOutcome(boolean created, String answer) {
    }

    /**
     * Stores a report whose configuration is new (or a first report): what the hot path,
     * {@link ReportSamples}, did not take. {@code body} is read and validated in full; its
     * configuration hash is {@code shape}'s.
     */
    @Transactional
    public ReportOutcome report(String name, byte[] body, ReportBody shape) {
        OffsetDateTime now = now();
        NodeReport report = json.readRequest(body, NodeReport.class);
        ReportLimits.check(report);
        String configHash = java.util.Objects.requireNonNull(shape, "a report that reads has a shape").configHash();
        NodeEntity node = lockForReport(name);
        if (node != null && configHash.equals(node.configHash)) {
            // Rows written before node.counters existed, and reports that raced a configuration change back.
            samples(node, NodeCounters.of(report), now);
            sampleReports.increment();
            return new ReportOutcome(false, answer(false, node.status, node.desiredView));
        }
        boolean created = node == null;
        NodeReport previous = created ? null : current(node);
        OffsetDateTime previousAt = created ? null : node.reportedAt;
        if (created) {
            node = new NodeEntity();
            node.name = name;
        }
        node.labels = json.write(report.labels());
        node.kernel = report.kernel();
        node.agentVersion = report.agentVersion();
        node.report = json.write(report);
        node.counters = json.write(NodeCounters.of(report));
        node.configHash = configHash;
        node.reportedAt = now;
        events.record(EventType.report, name, null, created
                ? "first report: " + report.interfaces().size() + " interfaces"
                : ReportDiff.describe(previous, report));
        evaluate(node, report, RolloutHolds.apply(policies.all(), holds.of(name)), previous);
        findings.diagnose(node, report, previous, previousAt, now);
        if (created) {
            node.persist();
            replaceInterfaces(node, report);
        }
        (created ? firstReports : configurationReports).increment();
        return new ReportOutcome(created, answer(true, node.status, node.desiredView));
    }

    /**
     * After {@link ReportSamples} stored counters whose sample could show a symptom: the symptom
     * rules run over the node's configuration, unless a later report has been stored meanwhile (it
     * judges its own sample).
     */
    @Transactional
    public void symptoms(String name, OffsetDateTime at, NodeCounters before, OffsetDateTime previousAt, NodeCounters counters) {
        NodeEntity node = NodeEntity.findById(name, LockModeType.PESSIMISTIC_WRITE);
        if (node != null && node.reportedAt.isEqual(at)) {
            symptoms(node, before, previousAt, counters, at);
        }
    }

    /** Counters of the stored configuration: stored; the symptom rules judge them when the previous ones are in their window. */
    private void samples(NodeEntity node, NodeCounters counters, OffsetDateTime now) {
        NodeCounters before = previousCounters(node);
        OffsetDateTime previousAt = node.reportedAt;
        node.counters = json.write(counters);
        node.reportedAt = now;
        if (findings.samples(previousAt, now)) {
            symptoms(node, before, previousAt, counters, now);
        }
    }

    private void symptoms(NodeEntity node, NodeCounters before, OffsetDateTime previousAt, NodeCounters counters, OffsetDateTime now) {
        NodeReport configuration = json.read(node.report, NodeReport.class);
        findings.symptoms(node, counters.applyTo(configuration), before.applyTo(configuration), previousAt, now);
    }

    private NodeCounters previousCounters(NodeEntity node) {
        return node.counters == null ? NodeCounters.of(json.read(node.report, NodeReport.class))
                : json.read(node.counters, NodeCounters.class);
    }

    /** Report times as the database keeps them (microseconds), so the one read back equals the one written. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The counter of reports of one kind (first, configuration, sample) for /q/metrics. */
    static Counter reports(MeterRegistry registry, String kind) {
        return Counter.builder("offloadctl.reports").description("State reports stored, by what they changed: first (a new node), "
                + "configuration (re-evaluated), sample (only counters)").tag("kind", kind).register(registry);
    }

    /** The node's last report with its latest counters. */
    NodeReport current(NodeEntity node) {
        NodeReport stored = json.read(node.report, NodeReport.class);
        return node.counters == null ? stored : json.read(node.counters, NodeCounters.class).applyTo(stored);
    }

    /**
     * The node's row, locked until the report commits, so a concurrent policy change evaluates the
     * report after it (or this report sees the change). A node that has none yet is created under the
     * fleet lock: a policy change that commits meanwhile cannot miss it.
     */
    private NodeEntity lockForReport(String name) {
        NodeEntity node = NodeEntity.findById(name, LockModeType.PESSIMISTIC_WRITE);
        if (node != null) {
            return node;
        }
        fleet.acquire();
        return NodeEntity.findById(name, LockModeType.PESSIMISTIC_WRITE);
    }

    /** ReportResponse as JSON, around the stored desired view (no need to parse and write it again). */
    static String answer(boolean changed, String status, String desiredView) {
        return "{\"changed\":" + changed + ",\"status\":\"" + status + "\",\"desired\":" + desiredView + "}";
    }

    /** Re-evaluates every node against the current policies (and rollouts), after a policy changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reevaluateAll() {
        List<Policy> all = policies.all();
        Map<String, List<RolloutHolds.Hold>> waiting = holds.all();
        for (NodeEntity node : NodeEntity.<NodeEntity>findAll().withLock(LockModeType.PESSIMISTIC_WRITE).list()) {
            evaluate(node, json.read(node.report, NodeReport.class), RolloutHolds.apply(all, waiting.getOrDefault(node.name, List.of())), null);
        }
    }

    /** Re-evaluates these nodes (a rollout released them to their wave); nodes that are gone are skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reevaluate(java.util.Collection<String> names) {
        List<Policy> all = policies.all();
        for (String name : new java.util.TreeSet<>(names)) {
            NodeEntity node = NodeEntity.findById(name, LockModeType.PESSIMISTIC_WRITE);
            if (node != null) {
                evaluate(node, json.read(node.report, NodeReport.class), RolloutHolds.apply(all, holds.of(name)), null);
            }
        }
    }

    /**
     * Asks the node's agent to try its current revision again after it failed (quarantined it) or
     * stopped repairing contested features: the retry generation its desired state carries goes up.
     */
    @Transactional
    public DesiredView retry(String name) {
        NodeEntity node = find(name, LockModeType.PESSIMISTIC_WRITE);
        NodeReport report = json.read(node.report, NodeReport.class);
        var agent = report.agentStatus();
        node.retryGeneration++;
        events.record(EventType.retry, name, null, "retry " + node.retryGeneration + " of revision " + node.desiredRevision
                + " requested" + (agent.quarantine() == null ? "" : "; the agent held back revision "
                + agent.quarantine().revision() + ": " + agent.quarantine().reason())
                + (agent.contested().isEmpty() ? "" : "; contested: " + agent.contested().stream()
                .map(c -> c.interfaceName() + " " + c.setting()).collect(Collectors.joining(", "))));
        evaluate(node, report, RolloutHolds.apply(policies.all(), holds.of(name)), null);
        return desiredView(node);
    }

    /**
     * Desired state, revision, compliance and interface rows of a node, from its report and the
     * policies. {@code previous} is the report before this one when a report is being stored; null
     * when the policies changed: drift and contests are events only when an agent reported them.
     */
    private void evaluate(NodeEntity node, NodeReport report, List<Policy> all, NodeReport previous) {
        DesiredState desired = DesiredStateCalculator.calculate(report, all);
        String fingerprint = JsonCodec.sha256(desired.fingerprint());
        if (!fingerprint.equals(node.desiredFingerprint)) {
            node.desiredRevision++;
            node.desiredFingerprint = fingerprint;
            node.desired = json.write(desired);
        }
        List<InterfaceCompliance> compliance = ComplianceEvaluator.evaluate(report, desired);
        if (previous != null || node.compliance == null) {
            recordNewDrift(node, compliance);
            recordNewContests(node, report, previous);
        }
        node.compliance = json.write(compliance);
        node.status = ComplianceEvaluator.nodeStatus(report, compliance, node.desiredRevision, node.retryGeneration).name();
        node.agentStatus = report.agent() == null ? null : json.write(report.agent());
        node.desiredView = json.write(new DesiredView(node.name, node.desiredRevision, desired, node.retryGeneration));
        node.unenforceableFeatures = (int) compliance.stream().flatMap(i -> i.deviations().stream())
                .filter(d -> d.status() == ComplianceStatus.unenforceable).count();
        if (node.isPersistent()) {
            replaceInterfaces(node, report);
        }
        if (previous == null && node.findings != null) {
            findings.placement(node, report);
        }
    }

    private void recordNewDrift(NodeEntity node, List<InterfaceCompliance> now) {
        Set<String> driftedBefore = new HashSet<>();
        if (node.compliance != null) {
            json.read(node.compliance, COMPLIANCE_TYPE).stream().filter(i -> i.status() == ComplianceStatus.drifted)
                    .forEach(i -> driftedBefore.add(i.name()));
        }
        now.stream().filter(i -> i.status() == ComplianceStatus.drifted && !driftedBefore.contains(i.name()))
                .forEach(i -> events.record(EventType.drift, node.name, i.deviations().get(0).policy(),
                        i.name() + ": " + i.deviations().stream()
                                .filter(d -> d.status() == ComplianceStatus.drifted)
                                .map(d -> d.setting() + " " + valueText(d.actual()) + ", desired " + valueText(d.desired())
                                        + " (policy " + d.policy() + ")")
                                .collect(Collectors.joining(", "))));
    }

    private void recordNewContests(NodeEntity node, NodeReport report, NodeReport previous) {
        AgentStatus before = previous == null ? AgentStatus.NONE : previous.agentStatus();
        report.agentStatus().contested().stream().filter(c -> !before.isContested(c.interfaceName(), c.setting()))
                .forEach(c -> events.record(EventType.contested, node.name, null, c.interfaceName() + ": " + c.setting()
                        + " turned back " + c.repairs() + " times within " + c.windowSeconds() + " s; the agent stopped "
                        + "repairing it (wanted " + valueText(c.wanted()) + ")"));
    }

    private void replaceInterfaces(NodeEntity node, NodeReport report) {
        NodeInterfaceEntity.delete("node", node.name);
        Map<String, ComplianceStatus> status = json.read(node.compliance, COMPLIANCE_TYPE).stream()
                .collect(Collectors.toMap(InterfaceCompliance::name, InterfaceCompliance::status));
        for (InterfaceReport iface : report.interfaces()) {
            NodeInterfaceEntity row = new NodeInterfaceEntity();
            row.node = node.name;
            row.name = iface.name();
            row.kind = iface.kind().name();
            row.driver = iface.driver();
            row.status = status.getOrDefault(iface.name(), ComplianceStatus.unmanaged).name();
            row.persist();
        }
    }

    public NodeView get(String name) {
        NodeEntity node = find(name);
        NodeReport report = current(node);
        DesiredView desired = desiredView(node);
        return new NodeView(summary(NodeRow.of(node), NodeInterfaceEntity.count("node", name)), report,
                desired, json.read(node.compliance, COMPLIANCE_TYPE), findings.of(node), managed(report, desired));
    }

    /** Enforced desired settings with their recorded originals, then recorded originals no policy governs any more. */
    static List<ManagedFeature> managed(NodeReport report, DesiredView desired) {
        AgentStatus agent = report.agentStatus();
        Map<String, io.offloadctl.model.policy.RemovalAction> removal = desired.policies().stream()
                .collect(Collectors.toMap(Policy::name, Policy::onRemove, (a, b) -> a));
        List<ManagedFeature> managed = new java.util.ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (var iface : desired.interfaces()) {
            iface.settings().forEach((setting, value) -> {
                if (value.mode() != io.offloadctl.model.policy.PolicyMode.enforce) {
                    return;
                }
                seen.add(iface.name() + "\u0000" + setting);
                managed.add(new ManagedFeature(iface.name(), setting,
                        agent.original(iface.name(), setting).map(o -> o.original()).orElse(null), value.value(),
                        current(report, iface.name(), setting), value.policy(),
                        removal.getOrDefault(value.policy(), io.offloadctl.model.policy.RemovalAction.keep)));
            });
        }
        agent.originals().stream().filter(o -> !seen.contains(o.interfaceName() + "\u0000" + o.setting()))
                .forEach(o -> managed.add(new ManagedFeature(o.interfaceName(), o.setting(), o.original(), null,
                        current(report, o.interfaceName(), o.setting()), o.policy(), o.onRemove())));
        return managed;
    }

    private static Object current(NodeReport report, String iface, String setting) {
        return report.interfaces().stream().filter(i -> i.name().equals(iface)).findFirst()
                .flatMap(i -> SettingsComparison.currentValue(i, setting)).orElse(null);
    }

    public DesiredView desired(String name) {
        return desiredView(find(name));
    }

    /**
     * The settings of {@code name}'s desired state its drivers cannot take, as its last compliance
     * judged them: by interface, each setting's reason.
     */
    public Map<String, Map<String, String>> unenforceable(String name) {
        NodeEntity node = find(name);
        Map<String, Map<String, String>> cannot = new java.util.TreeMap<>();
        if (node.compliance != null) {
            for (InterfaceCompliance iface : json.read(node.compliance, COMPLIANCE_TYPE)) {
                iface.deviations().stream().filter(d -> d.status() == io.offloadctl.model.policy.ComplianceStatus.unenforceable)
                        .forEach(d -> cannot.computeIfAbsent(iface.name(), k -> new java.util.LinkedHashMap<>())
                                .put(d.setting(), d.reason() == null ? "unenforceable" : d.reason()));
            }
        }
        return cannot;
    }

    @Transactional
    public void delete(String name) {
        NodeEntity node = find(name, LockModeType.PESSIMISTIC_WRITE);
        NodeInterfaceEntity.delete("node", name);
        node.delete();
        events.record(EventType.node_deleted, name, null, "node deleted");
    }

    public NodeEntity find(String name) {
        return find(name, LockModeType.NONE);
    }

    private static NodeEntity find(String name, LockModeType lock) {
        NodeEntity node = NodeEntity.findById(name, lock);
        if (node == null) {
            throw ApiException.notFound("no node named '" + name + "'");
        }
        return node;
    }

    public DesiredView desiredView(NodeEntity node) {
        return new DesiredView(node.name, node.desiredRevision, json.read(node.desired, DesiredState.class), node.retryGeneration);
    }

    public NodeSummary summary(NodeRow node, long interfaces) {
        return new NodeSummary(node.name(), labels(node), node.kernel(), node.agentVersion(), node.reportedAt(),
                effectiveStatus(node.status(), node.reportedAt()), node.desiredRevision(), (int) interfaces);
    }

    /** Stale is a matter of time, so it is decided when read, never stored. */
    public ComplianceStatus effectiveStatus(String stored, OffsetDateTime reportedAt) {
        return reportedAt.isBefore(staleCutoff()) ? ComplianceStatus.stale : ComplianceStatus.valueOf(stored);
    }

    public OffsetDateTime staleCutoff() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(staleAfter);
    }

    public Map<String, String> labels(NodeRow node) {
        return json.read(node.labels(), LABELS);
    }

    private static String valueText(Object value) {
        return value == null ? "missing" : SettingValue.text(value);
    }
}
