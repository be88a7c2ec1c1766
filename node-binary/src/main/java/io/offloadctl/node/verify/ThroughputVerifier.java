package io.offloadctl.node.verify;

import io.offloadctl.model.settings.SettingsRequest;
import io.offloadctl.model.verify.VerificationReport;
import io.offloadctl.node.kernel.AllOrNothingApplier;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.perf.PerfResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Measure, change, measure, decide: keeps a feature change only when throughput to the peer did
 * not get worse by more than the threshold, and otherwise puts every interface back. A failure
 * while the change is in place also puts it back.
 */
public final class ThroughputVerifier {

    /** Time for the path to settle after a feature change before measuring again. */
    private static final Duration SETTLE = Duration.ofMillis(300);

    private final KernelSession session;
    private final Supplier<PerfResult> measurement;
    private final Consumer<String> progress;

    public ThroughputVerifier(KernelSession session, Supplier<PerfResult> measurement, Consumer<String> progress) {
        this.session = session;
        this.measurement = measurement;
        this.progress = progress;
    }

    /**
     * The outcome, with the features the change turned over ("eth0 rx-gro off"), whether kept or not,
     * and the change as applied (to undo a kept one later).
     */
    public record Outcome(VerificationReport report, PerfResult before, PerfResult after,
                          Map<String, Map<String, Boolean>> changedFeatures, AllOrNothingApplier.Change change) {
    }

    public Outcome verify(String peer, Map<String, SettingsRequest> requests, double thresholdPercent) {
        progress.accept("measuring before the change ...");
        PerfResult before = measurement.get();
        progress.accept("applying the change ...");
        AllOrNothingApplier applier = new AllOrNothingApplier(session);
        AllOrNothingApplier.Change change = applier.apply(requests);
        PerfResult after;
        try {
            sleep(SETTLE);
            progress.accept("measuring after the change ...");
            after = measurement.get();
        } catch (RuntimeException failure) {
            applier.undo(change);
            throw failure;
        }
        boolean kept = VerificationReport.keep(before.bitsPerSecond(), after.bitsPerSecond(), thresholdPercent);
        if (!kept) {
            progress.accept("throughput got worse: rolling back ...");
            applier.undo(change);
        }
        Map<String, Object> settings = new TreeMap<>();
        requests.values().forEach(r -> settings.putAll(r.settings()));
        Map<String, Map<String, Boolean>> changed = new TreeMap<>();
        change.features().forEach(o -> o.before().features().forEach(old -> o.after().feature(old.name())
                .filter(now -> now.active() != old.active())
                .ifPresent(now -> changed.computeIfAbsent(o.interfaceName(), k -> new TreeMap<>()).put(now.name(), now.active()))));
        VerificationReport report = new VerificationReport(peer, List.copyOf(requests.keySet()), settings,
                before.bitsPerSecond(), after.bitsPerSecond(), before.retransmissions(), after.retransmissions(),
                thresholdPercent, before.seconds(), before.streams(), kept);
        return new Outcome(report, before, after, changed, change);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
