package io.offloadctl.node.agent;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.offloadctl.client.model.Detail;
import io.offloadctl.client.model.Enactment;
import io.offloadctl.client.model.Result;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.EnforcementPlanner;
import io.offloadctl.model.policy.Policy;
import io.offloadctl.model.policy.PolicyMode;
import io.offloadctl.model.policy.RemovalAction;
import io.offloadctl.model.policy.RolloutVerify;
import io.offloadctl.model.policy.SettingsComparison;
import io.offloadctl.model.settings.SettingValue;
import io.offloadctl.model.settings.SettingsRequest;
import io.offloadctl.model.diagnose.Rates;
import io.offloadctl.model.verify.VerificationReport;
import io.offloadctl.node.perf.PeerAddress;
import io.offloadctl.node.perf.PerfClient;
import io.offloadctl.node.perf.PerfSockets;
import io.offloadctl.node.verify.ThroughputVerifier;
import io.offloadctl.model.report.AgentStatus;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.report.OriginalFeature;
import io.offloadctl.model.report.ProbeResult;
import io.offloadctl.model.report.Quarantine;
import io.offloadctl.node.api.ApiConnection;
import io.offloadctl.node.ffi.RtnetlinkLinks;
import io.offloadctl.node.kernel.AllOrNothingApplier;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.NodeStateReader;

/**
 * The agent. One thread owns the kernel: it reads the node, computes the desired state of every
 * interface it has now (from the policies the API sent, so an interface that appears is covered at
 * once, with or without the API), repairs drift, applies changes, and hands reports and enactments
 * to the {@link Reporter}, which talks to the API on its own thread. It wakes on link notifications
 * ({@link LinkWatcher}), on a new desired state, on the report interval and on a slow safety poll.
 *
 * <p>A change (a new revision, a new interface) is probed before and after; a probe it broke rolls it
 * back and quarantines the revision: not tried again until the revision or the retry generation
 * changes. A repair (a feature that was as desired under this revision and drifted) is not probed,
 * and a feature repaired {@code contestLimit} times within {@code contestWindow} is contested: left
 * alone and reported, until an operator acts. Enactments go through the outage journal.
 */
public final class Agent {

    /** How the agent runs. {@code enforce} false is audit mode: report only. */
    public record Settings(String node, Map<String, String> labels, String agentVersion, boolean enforce,
                           Duration interval, Duration safetyPoll, Duration probeTimeout,
                           List<InetSocketAddress> tcpProbes, int contestLimit, Duration contestWindow) {
        public Settings {
            tcpProbes = List.copyOf(tcpProbes);
        }
    }

    /** What a cycle ended with. */
    public record CycleResult(boolean apiReachable, long revision, boolean compliant, String summary) {
    }

    private final Settings settings;
    private final KernelSession session;
    private final DesiredCache cache;
    private final PrintWriter log;
    private final DesiredStateEnforcer enforcer;
    private final NodeStateReader reader;
    private final Reporter reporter;
    private final Probes probes;
    private final Contests contests;
    private final Originals originals;
    private final BlockingQueue<Object> triggers = new LinkedBlockingQueue<>();
    /** "interface\0feature" of enforced features that were as desired under the current revision: drift on them is repaired. */
    private final Set<String> settled = new HashSet<>();
    private Set<String> interfaces;
    private CachedDesired desired;
    private String lastSummary;
    /** The node as the last enactment of this step read it back, after its change: what the step reports and settles on. */
    private NodeReport readBack;
    private String lastSubmitted;
    private String lastError;
    private final java.nio.file.Path heartbeat;
    private long lastBeat;
    private boolean beatFailed;

    public Agent(Settings settings, KernelSession session, ApiConnection api, DesiredCache cache, PrintWriter log) {
        this.settings = settings;
        this.session = session;
        this.cache = cache;
        this.log = log;
        this.enforcer = new DesiredStateEnforcer(session);
        this.reader = new NodeStateReader(session);
        this.reporter = new Reporter(settings.node(), api, new OutageJournal(journalFile(cache), api.mapper()),
                settings.interval(), log);
        this.probes = new Probes(session.namespace(), api.address(), settings.tcpProbes(), settings.probeTimeout());
        this.contests = new Contests(settings.contestLimit(), settings.contestWindow());
        this.originals = new Originals(Originals.beside(cache), api.mapper());
        this.heartbeat = heartbeatFile(cache);
    }

    /** Touches the heartbeat, at most once a second (a drift poll may turn the loop far more often). */
    private void beat() {
        long now = System.currentTimeMillis();
        if (now - lastBeat < 1000) {
            return;
        }
        lastBeat = now;
        try {
            if (java.nio.file.Files.exists(heartbeat)) {
                java.nio.file.Files.setLastModifiedTime(heartbeat, java.nio.file.attribute.FileTime.fromMillis(now));
            } else {
                java.nio.file.Files.createDirectories(heartbeat.toAbsolutePath().getParent());
                java.nio.file.Files.writeString(heartbeat, "");
            }
            beatFailed = false;
        } catch (java.io.IOException e) {
            if (!beatFailed) {
                say("cannot touch the heartbeat " + heartbeat + " (" + e.getMessage() + "); offloadctl alive will say the agent is not");
            }
            beatFailed = true;
        }
    }

    /**
     * The agent's heartbeat beside the cache ({@code desired.json} → {@code desired-alive}): touched by
     * every turn of its loop (at least every safety poll), read by {@code offloadctl alive}, a
     * container's liveness probe.
     */
    public static java.nio.file.Path heartbeatFile(DesiredCache cache) {
        return Originals.sibling(cache, "-alive");
    }

    /** Where the enactments wait for the API: beside the cache, {@code desired.json} → {@code desired-journal.json}. */
    public static java.nio.file.Path journalFile(DesiredCache cache) {
        return Originals.sibling(cache, "-journal.json");
    }

    /** Runs until {@code keepRunning} says stop, or the API refuses the agent for good (thrown). */
    public void run(BooleanSupplier keepRunning) throws InterruptedException {
        desired = cache.read().orElse(null);
        if (desired != null) {
            say("starting from the cached revision " + desired.revision()
                    + (desired.quarantined() ? " (quarantined: " + desired.quarantine().reason() + ")" : ""));
        }
        reporter.start(triggers::add);
        try {
            LinkWatcher.start(session.namespace(), triggers::add, why -> {
                say("link notifications stopped (" + why + "); the safety poll (" + settings.safetyPoll().toSeconds() + " s) goes on");
            });
        } catch (OffloadException e) {
            say("no link notifications (" + e.getMessage() + "); the safety poll (" + settings.safetyPoll().toSeconds() + " s) goes on");
        }
        long nextReport = System.nanoTime();
        while (keepRunning.getAsBoolean()) {
            beat();
            long wait = Math.min(nextReport - System.nanoTime(), settings.safetyPoll().toNanos());
            Object first = wait > 0 ? triggers.poll(wait, TimeUnit.NANOSECONDS) : null;
            List<Object> received = new ArrayList<>();
            if (first != null) {
                received.add(first);
                triggers.drainTo(received);
            }
            for (Object trigger : received) {
                if (trigger instanceof OffloadException fatal) {
                    throw fatal;
                }
                if (trigger instanceof CachedDesired fresh) {
                    adopt(fresh);
                } else if (trigger instanceof List<?> events) {
                    events.stream().map(RtnetlinkLinks.LinkEvent.class::cast).filter(RtnetlinkLinks.LinkEvent::deleted)
                            .forEach(gone -> forget(gone.name()));
                }
            }
            NodeReport report;
            try {
                report = step();
                lastError = null;
            } catch (OffloadException e) {
                if (!e.getMessage().equals(lastError)) {
                    say("reading or changing the node failed (" + e.getMessage() + "); trying again at the next event or poll");
                }
                lastError = e.getMessage();
                continue;
            }
            String config = Json.configOf(report);
            if (System.nanoTime() - nextReport >= 0 || !config.equals(lastSubmitted)) {
                reporter.submit(report);
                lastSubmitted = config;
                nextReport = System.nanoTime() + jittered(settings.interval()).toNanos();
            }
        }
    }

    /** One cycle in the foreground ({@code agent --once}): report, enforce, post the enactments, report again. */
    public CycleResult cycle() {
        desired = cache.read().orElse(null);
        NodeReport first = status(reader.read(settings.labels(), settings.agentVersion()));
        Optional<CachedDesired> answered = reporter.send(first);
        answered.ifPresent(this::adopt);
        if (desired == null) {
            return new CycleResult(false, 0, false, "no desired state yet (API unreachable and no cache)");
        }
        NodeReport report = step();
        boolean posted = answered.isPresent() && reporter.drainJournal() && reporter.send(report).isPresent();
        Map<String, SettingsRequest> remaining = EnforcementPlanner.plan(desired.forInterfaces(report), report);
        boolean asDesired = remaining.isEmpty();
        if (!settings.enforce()) {
            return new CycleResult(answered.isPresent(), desired.revision(), asDesired, "audit: " + (asDesired ? "compliant"
                    : "would change " + DesiredStateEnforcer.describe(remaining)));
        }
        boolean compliant = asDesired && !desired.quarantined();
        String summary = lastSummary != null ? lastSummary : compliant ? "compliant with revision " + desired.revision()
                : desired.quarantined() ? "revision " + desired.revision() + " is quarantined: " + desired.quarantine().reason()
                : "not compliant with revision " + desired.revision();
        return new CycleResult(posted, desired.revision(), compliant, summary);
    }

    /** A desired state from the API. Another revision or retry generation lifts the quarantine and contests. */
    private void adopt(CachedDesired fresh) {
        Quarantine held = desired == null ? null : desired.quarantine();
        if (desired == null || !desired.sameTarget(fresh)) {
            settled.clear();
            contests.clear();
            if (held != null && !held.holds(fresh.revision(), fresh.retry())) {
                say("revision " + fresh.revision() + (fresh.revision() == held.revision() ? ", retry " + fresh.retry() : "")
                        + ": trying again what was held back (" + held.reason() + ")");
                held = null;
            }
        }
        CachedDesired adopted = fresh.withQuarantine(held);
        if (!adopted.equals(desired)) {
            desired = adopted;
            cache.write(desired);
        }
    }

    private void forget(String iface) {
        settled.removeIf(key -> key.startsWith(iface + "\u0000"));
        contests.forget(iface);
    }

    /** Reads the node, acts on what differs, returns the report to send (with the agent's status). */
    private NodeReport step() {
        readBack = null;
        NodeReport report = reader.read(settings.labels(), settings.agentVersion());
        Set<String> names = new TreeSet<>(report.interfaces().stream().map(InterfaceReport::name).toList());
        if (interfaces != null) {
            interfaces.stream().filter(name -> !names.contains(name)).toList().forEach(this::forget);
            names.stream().filter(name -> !interfaces.contains(name)).forEach(name -> say("new interface " + name));
        }
        interfaces = names;
        if (!settings.enforce() || desired == null || desired.quarantined()) {
            return status(report);
        }
        List<DesiredInterface> wanted = desired.forInterfaces(report);
        Map<String, SettingsRequest> plan = EnforcementPlanner.plan(wanted, report);
        Instant now = Instant.now();
        Map<String, Map<String, Object>> repairs = new LinkedHashMap<>();
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        boolean recorded = govern(wanted, report);
        Map<String, Map<String, Object>> restores = new LinkedHashMap<>();
        recorded |= release(wanted, report, restores);
        plan.forEach((iface, request) -> request.settings().forEach((feature, value) -> {
            if (contests.isContested(iface, feature)) {
                return;
            }
            if (!settled.contains(key(iface, feature))) {
                changes.computeIfAbsent(iface, i -> new LinkedHashMap<>()).put(feature, value);
            } else if (contests.mayRepair(iface, feature, now)) {
                repairs.computeIfAbsent(iface, i -> new LinkedHashMap<>()).put(feature, value);
            } else if (contests.declare(iface, feature, value, now)) {
                say(iface + " " + feature + " is contested: turned back " + settings.contestLimit() + " times within "
                        + settings.contestWindow().toSeconds() + " s; no more repairs until the revision changes or an "
                        + "operator asks for a retry");
            }
        }));
        if (recorded || !repairs.isEmpty() || !changes.isEmpty()) {
            originals.save();
        }
        if (!repairs.isEmpty()) {
            repair(requests(repairs), now);
        }
        restores.forEach((iface, values) -> changes.computeIfAbsent(iface, i -> new LinkedHashMap<>()).putAll(values));
        if (!changes.isEmpty() && change(requests(changes), !restores.isEmpty(), verification(wanted, changes))) {
            restores.forEach((iface, values) -> values.keySet().forEach(setting -> originals.drop(iface, setting)));
            originals.save();
        }
        boolean acted = !repairs.isEmpty() || !changes.isEmpty();
        if (acted) {
            report = readBack; // every change ends in an enactment, which read the node after it
        }
        if (!desired.quarantined()) {
            settle(wanted, acted ? EnforcementPlanner.plan(wanted, report) : plan);
        }
        return status(report);
    }

    /** What the removal of the named policy does, as the desired state's policies say. */
    private RemovalAction removal(String policy) {
        return desired.policies().stream().filter(p -> p.name().equals(policy)).findFirst()
                .map(Policy::onRemove).orElse(RemovalAction.keep);
    }

    /**
     * Records the value of every enforced setting the first time a policy governs it, as read before
     * anything is changed (so a setting that was as desired already has itself as original), and
     * keeps each record's governing policy current; true when a record was added or changed.
     */
    private boolean govern(List<DesiredInterface> wanted, NodeReport before) {
        boolean changed = false;
        for (DesiredInterface iface : wanted) {
            InterfaceReport now = interfaceOf(before, iface.name());
            for (Map.Entry<String, DesiredInterface.Wanted> setting : iface.settings().entrySet()) {
                Object value = now == null ? null : SettingsComparison.changeableValue(now, setting.getKey()).orElse(null);
                if (setting.getValue().mode() != PolicyMode.enforce || value == null) {
                    continue;
                }
                String policy = setting.getValue().policy();
                changed |= originals.recordIfAbsent(iface.name(), setting.getKey(), value, policy, removal(policy))
                        | originals.governedBy(iface.name(), setting.getKey(), policy, removal(policy));
            }
        }
        return changed;
    }

    /**
     * Settings with a recorded original that no enforce-mode policy governs any more (deleted,
     * narrowed, switched to audit): under {@code restore} the original goes into {@code restores},
     * to be put back as a change; under {@code keep}, or when it is the original already or cannot
     * be changed, the record is dropped and the setting left as it is. An interface that is not
     * there keeps its records until it is back.
     */
    private boolean release(List<DesiredInterface> wanted, NodeReport report, Map<String, Map<String, Object>> restores) {
        Set<String> governed = new HashSet<>();
        wanted.forEach(iface -> iface.settings().forEach((setting, value) -> {
            if (value.mode() == PolicyMode.enforce) {
                governed.add(key(iface.name(), setting));
            }
        }));
        boolean dropped = false;
        for (OriginalFeature record : originals.all()) {
            if (governed.contains(key(record.interfaceName(), record.setting()))) {
                continue;
            }
            InterfaceReport iface = interfaceOf(report, record.interfaceName());
            if (iface == null) {
                continue;
            }
            Object actual = SettingsComparison.changeableValue(iface, record.setting()).orElse(null);
            if (record.onRemove() == RemovalAction.restore && actual != null && !actual.equals(record.original())) {
                restores.computeIfAbsent(record.interfaceName(), i -> new LinkedHashMap<>()).put(record.setting(), record.original());
                continue;
            }
            say("released " + record.interfaceName() + " " + record.setting() + " (policy " + record.policy() + ", onRemove "
                    + record.onRemove() + "): left " + (actual == null ? "as it is" : SettingValue.text(actual)));
            originals.drop(record.interfaceName(), record.setting());
            dropped = true;
        }
        return dropped;
    }

    /** Every enforced setting that is as desired now is settled: when it drifts, that is drift to repair. */
    private void settle(List<DesiredInterface> wanted, Map<String, SettingsRequest> remaining) {
        for (DesiredInterface iface : wanted) {
            SettingsRequest left = remaining.get(iface.name());
            iface.settings().forEach((setting, value) -> {
                if (value.mode() == PolicyMode.enforce && (left == null || !left.settings().containsKey(setting))) {
                    settled.add(key(iface.name(), setting));
                }
            });
        }
    }

    private static InterfaceReport interfaceOf(NodeReport report, String name) {
        return report.interfaces().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
    }

    private void repair(Map<String, SettingsRequest> plan, Instant now) {
        plan.forEach((iface, request) -> request.settings().keySet().forEach(setting -> contests.repaired(iface, setting, now)));
        try {
            enforcer.apply(plan);
        } catch (OffloadException e) {
            enact(Result.FAILED, "drift repair failed, nothing changed: " + e.getMessage(), plan, List.of());
            return;
        }
        enact(Result.APPLIED, "repaired drift: " + DesiredStateEnforcer.describe(plan), plan, List.of());
    }

    /**
     * The throughput verification a change must pass: that of the highest-priority policy deciding
     * one of its features whose rollout asks for one; null when none does.
     */
    private RolloutVerify verification(List<DesiredInterface> wanted, Map<String, Map<String, Object>> changes) {
        Set<String> deciding = new HashSet<>();
        wanted.forEach(iface -> changes.getOrDefault(iface.name(), Map.of()).keySet().forEach(setting -> {
            DesiredInterface.Wanted value = iface.settings().get(setting);
            if (value != null) {
                deciding.add(value.policy());
            }
        }));
        return desired.policies().stream().filter(p -> deciding.contains(p.name()) && p.rollout() != null && p.rollout().verify() != null)
                .findFirst().map(p -> p.rollout().verify().normalized()).orElse(null);
    }

    /**
     * Applies a change, probed, and with {@code verify} measured before and after (kept only if
     * throughput did not fall beyond the threshold, as offloadctl verify decides); false when it did
     * not apply or was rolled back (the revision is quarantined).
     */
    private boolean change(Map<String, SettingsRequest> plan, boolean restoring, RolloutVerify verify) {
        Probes.Round round = probes.before();
        List<ProbeResult> before = round.results();
        AllOrNothingApplier.Change outcomes;
        String verified = "";
        try {
            if (verify == null) {
                outcomes = enforcer.apply(plan);
            } else {
                ThroughputVerifier.Outcome measured = measure(plan, verify);
                VerificationReport result = measured.report();
                reporter.verification(result);
                String figures = "throughput to " + verify.peer() + " " + Rates.bits(result.beforeBitsPerSecond()) + " before, "
                        + Rates.bits(result.afterBitsPerSecond()) + " after";
                if (!result.kept()) {
                    String why = figures + ": fell by more than the " + verify.threshold() + "% allowed";
                    quarantine(why, before);
                    enact(Result.ROLLED_BACK, why + " with revision " + desired.revision() + "; checkpoint restored; not tried "
                            + "again until the revision changes or an operator asks for a retry", plan, before);
                    return false;
                }
                outcomes = measured.change();
                verified = " (verified: " + figures + ")";
            }
        } catch (OffloadException e) {
            quarantine("the change did not apply (" + e.getMessage() + "); nothing changed", before);
            enact(Result.FAILED, "revision " + desired.revision() + " did not apply, nothing changed: " + e.getMessage()
                    + "; not tried again until the revision changes or an operator asks for a retry", plan, before);
            return false;
        }
        List<ProbeResult> after = probes.after(round);
        Optional<String> broken = Probes.broken(after);
        if (broken.isPresent()) {
            new AllOrNothingApplier(session).undo(outcomes);
            quarantine(broken.get(), after);
            enact(Result.ROLLED_BACK, broken.get() + " after applying revision " + desired.revision() + "; checkpoint restored; "
                    + "not tried again until the revision changes or an operator asks for a retry", plan, after);
            return false;
        }
        enact(Result.APPLIED, "applied revision " + desired.revision() + ": " + DesiredStateEnforcer.describe(plan)
                + (restoring ? " (originals restored where policies with onRemove restore no longer govern)" : "") + verified, plan, after);
        return true;
    }

    /** Measure, apply, measure (undone when throughput fell too far); a measurement that fails is a change that did not apply. */
    private ThroughputVerifier.Outcome measure(Map<String, SettingsRequest> plan, RolloutVerify verify) {
        PerfClient client = new PerfClient(PerfSockets.in(session.namespace()));
        say("verifying the change against " + verify.peer() + ":" + verify.port() + " (" + verify.duration() + " before and after)");
        try {
            return new ThroughputVerifier(session, () -> client.run(verify.peer(), PeerAddress.ipv4(verify.peer()), verify.port(),
                    verify.streams(), verify.measurement(), verify.reverse(), null), this::say)
                    .verify(verify.peer(), plan, verify.threshold());
        } catch (OffloadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OffloadException(io.offloadctl.model.ErrorKind.VERIFICATION, "the throughput verification against " + verify.peer()
                    + " failed: " + e.getMessage());
        }
    }

    private void quarantine(String reason, List<ProbeResult> results) {
        desired = desired.withQuarantine(new Quarantine(desired.revision(), desired.retry(), reason, Instant.now(), results));
        cache.write(desired);
    }

    /** Records an enactment with the values read back from the kernel now, after the last step. */
    private void enact(Result result, String message, Map<String, SettingsRequest> plan, List<ProbeResult> results) {
        lastSummary = result == Result.ROLLED_BACK ? "rolled back: " + message : message;
        say(message);
        reporter.record(new Enactment().revision(desired.revision()).result(result).message(message)
                .details(readBack(plan)).at(Instant.now().atOffset(ZoneOffset.UTC))
                .probes(results.stream().map(r -> new io.offloadctl.client.model.ProbeResult().name(r.name()).target(r.target())
                        .before(r.before()).after(r.after()).message(r.message())).toList()));
    }

    /** Each planned setting, wanted and as the kernel has it now (the node read now is kept as {@link #readBack}). */
    private List<Detail> readBack(Map<String, SettingsRequest> plan) {
        NodeReport now = reader.read(settings.labels(), settings.agentVersion());
        readBack = now;
        List<Detail> details = new ArrayList<>();
        plan.forEach((iface, request) -> {
            InterfaceReport read = interfaceOf(now, iface);
            request.settings().forEach((setting, wanted) -> {
                Object actual = read == null ? null : SettingsComparison.currentValue(read, setting).orElse(null);
                details.add(new Detail().interfaceName(iface).setting(setting).wanted(wanted).actual(actual)
                        .note(read == null ? "the interface is gone" : actual == null ? "the interface has no such setting" : null));
            });
        });
        return details;
    }

    private NodeReport status(NodeReport report) {
        Quarantine held = desired != null && desired.quarantined() ? desired.quarantine() : null;
        return report.withAgent(new AgentStatus(held, contests.contested(), originals.all()));
    }

    private static Map<String, SettingsRequest> requests(Map<String, Map<String, Object>> byInterface) {
        Map<String, SettingsRequest> requests = new LinkedHashMap<>();
        byInterface.forEach((iface, wanted) -> requests.put(iface, SettingsRequest.of(wanted)));
        return requests;
    }

    private static String key(String iface, String feature) {
        return iface + "\u0000" + feature;
    }

    private static Duration jittered(Duration interval) {
        double factor = 0.9 + ThreadLocalRandom.current().nextDouble() * 0.2;
        return Duration.ofMillis((long) (interval.toMillis() * factor));
    }

    private void say(String message) {
        synchronized (log) {
            log.println(Instant.now() + " offloadctl agent " + settings.node() + ": " + message);
            log.flush();
        }
    }

    /** What a report says apart from its counters, to tell when one must go out before the interval. */
    private static final class Json {
        private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = io.offloadctl.node.output.JsonMappers.create();

        static String configOf(NodeReport report) {
            try {
                return MAPPER.writeValueAsString(report.withoutCounters());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
