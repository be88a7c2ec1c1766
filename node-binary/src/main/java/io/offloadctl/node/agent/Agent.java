package io.offloadctl.node.agent;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.core.type.TypeReference;

import io.offloadctl.client.ApiException;
import io.offloadctl.client.model.Detail;
import io.offloadctl.client.model.Enactment;
import io.offloadctl.client.model.ReportResponse;
import io.offloadctl.client.model.Result;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.node.api.ApiConnection;
import io.offloadctl.node.kernel.AllOrNothingApplier;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.NodeStateReader;
import io.offloadctl.node.kernel.SetOutcome;

/**
 * The agent: report, receive the desired state, enforce it (all-or-nothing, with a checkpoint),
 * probe, roll back when the probe fails, report the enactment. Between cycles it watches the
 * selected interfaces and repairs drift at once. Without the API it enforces the cached state.
 */
public final class Agent {

    /** How the agent runs. {@code enforce} false is audit mode: report only. */
    public record Settings(String node, Map<String, String> labels, String agentVersion, boolean enforce,
                           Duration interval, Duration driftPoll, Duration probeTimeout,
                           Optional<InetSocketAddress> tcpProbe) {
    }

    /** What a cycle ended with. */
    public record CycleResult(boolean apiReachable, long revision, boolean compliant, String summary) {
    }

    private static final TypeReference<List<DesiredInterface>> INTERFACES = new TypeReference<>() {
    };

    private final Settings settings;
    private final KernelSession session;
    private final ApiConnection api;
    private final DesiredCache cache;
    private final PrintWriter log;
    private final DesiredStateEnforcer enforcer;
    private CachedDesired desired;

    public Agent(Settings settings, KernelSession session, ApiConnection api, DesiredCache cache, PrintWriter log) {
        this.settings = settings;
        this.session = session;
        this.api = api;
        this.cache = cache;
        this.log = log;
        this.enforcer = new DesiredStateEnforcer(session);
    }

    /** Runs cycles until {@code keepRunning} says stop; errors back off exponentially, up to the interval. */
    public void run(BooleanSupplier keepRunning) throws InterruptedException {
        long nextCycle = System.nanoTime();
        int failures = 0;
        while (keepRunning.getAsBoolean()) {
            if (System.nanoTime() - nextCycle >= 0) {
                try {
                    cycle();
                    failures = 0;
                    nextCycle = System.nanoTime() + jittered(settings.interval()).toNanos();
                } catch (OffloadException e) {
                    failures++;
                    Duration backoff = Duration.ofSeconds(Math.min(settings.interval().toSeconds(), 1L << Math.min(failures, 10)));
                    say("cycle failed (" + e.getMessage() + "); next try in " + backoff.toSeconds() + " s");
                    nextCycle = System.nanoTime() + backoff.toNanos();
                }
                continue;
            }
            Thread.sleep(settings.driftPoll().toMillis());
            if (settings.enforce() && desired != null) {
                Map<String, FeatureRequest> drift = plan();
                if (!drift.isEmpty()) {
                    say("drift on " + String.join(", ", drift.keySet()) + ": repairing now");
                    nextCycle = System.nanoTime();
                }
            }
        }
    }

    /** One cycle. */
    public CycleResult cycle() {
        NodeReport report = new NodeStateReader(session).read(settings.labels(), settings.agentVersion());
        boolean apiReachable = sendReport(report);
        if (desired == null) {
            return new CycleResult(apiReachable, 0, false, "no desired state yet (API unreachable and no cache)");
        }
        Map<String, FeatureRequest> plan = plan();
        if (!settings.enforce()) {
            return new CycleResult(apiReachable, desired.revision(), plan.isEmpty(), "audit: "
                    + (plan.isEmpty() ? "compliant" : "would change " + DesiredStateEnforcer.describe(plan)));
        }
        if (plan.isEmpty()) {
            return new CycleResult(apiReachable, desired.revision(), true, "compliant with revision " + desired.revision());
        }
        return enforce(plan, apiReachable);
    }

    private boolean sendReport(NodeReport report) {
        try {
            ReportResponse response = api.nodes().reportNodeState(settings.node(),
                    api.mapper().convertValue(report, io.offloadctl.client.model.NodeReport.class));
            var view = response.getDesired();
            desired = new CachedDesired(settings.node(), view.getRevision(),
                    api.mapper().convertValue(view.getInterfaces(), INTERFACES));
            cache.write(desired);
            return true;
        } catch (ApiException e) {
            OffloadException explained = api.explain(e);
            if (explained.kind() == ErrorKind.PERMISSION || explained.kind() == ErrorKind.INVALID_ARGUMENT) {
                throw explained;
            }
            if (desired == null) {
                desired = cache.read().orElse(null);
            }
            say(explained.getMessage() + (desired == null ? "; no cached desired state"
                    : "; enforcing cached revision " + desired.revision()));
            return false;
        }
    }

    private Map<String, FeatureRequest> plan() {
        return enforcer.plan(desired.interfaces());
    }

    private CycleResult enforce(Map<String, FeatureRequest> plan, boolean apiReachable) {
        List<SetOutcome> outcomes;
        try {
            outcomes = enforcer.apply(plan);
        } catch (OffloadException e) {
            enact(apiReachable, Result.FAILED, e.getMessage(), List.of());
            return new CycleResult(apiReachable, desired.revision(), false, "apply failed, nothing changed: " + e.getMessage());
        }
        Optional<String> probeFailure = probe(apiReachable);
        if (probeFailure.isPresent()) {
            new AllOrNothingApplier(session).undo(outcomes);
            String message = probeFailure.get() + " after applying revision " + desired.revision() + "; checkpoint restored";
            enact(apiReachable, Result.ROLLED_BACK, message, details(outcomes));
            say(message);
            return new CycleResult(apiReachable, desired.revision(), false, "rolled back: " + probeFailure.get());
        }
        String summary = "applied revision " + desired.revision() + ": " + DesiredStateEnforcer.describe(plan);
        enact(apiReachable, Result.APPLIED, summary, details(outcomes));
        say(summary);
        return new CycleResult(apiReachable, desired.revision(), plan().isEmpty(), summary);
    }

    /** The API must still answer (when it did before) and the TCP target, if any, accept a connection. */
    private Optional<String> probe(boolean apiWasReachable) {
        if (apiWasReachable) {
            try {
                api.nodes().getDesiredState(settings.node());
            } catch (ApiException e) {
                return Optional.of("the API probe failed (" + api.explain(e).getMessage() + ")");
            }
        }
        if (settings.tcpProbe().isPresent()) {
            InetSocketAddress target = settings.tcpProbe().get();
            try (Socket socket = new Socket()) {
                socket.connect(target, (int) settings.probeTimeout().toMillis());
            } catch (IOException e) {
                return Optional.of("the TCP probe of " + target.getHostString() + ":" + target.getPort() + " failed (" + e.getMessage() + ")");
            }
        }
        return Optional.empty();
    }

    private void enact(boolean apiReachable, Result result, String message, List<Detail> details) {
        if (!apiReachable) {
            return;
        }
        try {
            api.nodes().reportEnactment(settings.node(), new Enactment().revision(desired.revision()).result(result)
                    .message(message).details(details));
        } catch (ApiException e) {
            say("could not report the enactment: " + api.explain(e).getMessage());
        }
    }

    private static List<Detail> details(List<SetOutcome> outcomes) {
        List<Detail> details = new ArrayList<>();
        for (SetOutcome outcome : outcomes) {
            outcome.request().wanted().forEach((feature, wanted) -> details.add(new Detail()
                    .interfaceName(outcome.interfaceName()).feature(feature).wanted(wanted)
                    .actual(outcome.after().feature(feature).map(f -> f.active()).orElse(!wanted))));
        }
        return details;
    }

    private static Duration jittered(Duration interval) {
        double factor = 0.9 + ThreadLocalRandom.current().nextDouble() * 0.2;
        return Duration.ofMillis((long) (interval.toMillis() * factor));
    }

    private void say(String message) {
        log.println(Instant.now() + " offloadctl agent " + settings.node() + ": " + message);
        log.flush();
    }
}
