package io.offloadctl.node.cli;

import io.offloadctl.model.settings.SettingsRequest;
import io.offloadctl.model.FeatureRequestResolver;
import io.offloadctl.model.Setting;
import io.offloadctl.model.diagnose.Rates;
import io.offloadctl.model.persist.LegacyCompaction;
import io.offloadctl.model.verify.VerificationReport;
import io.offloadctl.node.kernel.FeatureReader;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.output.Json;
import io.offloadctl.node.verify.ThroughputVerifier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code offloadctl verify}: prove a change with a throughput measurement, keep it only if it did not hurt. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Measure TCP throughput to a peer running 'offloadctl perf server', apply a feature change, "
                + "measure again, and keep the change only if throughput did not get worse by more than the threshold; "
                + "otherwise put everything back. Prints both figures.",
                "Example: offloadctl verify --peer 198.18.0.2 --set 'tso off gso off' eth0",
                "With --server the result is also posted to the API (kept per node and peer).",
                "Exit codes: 0 the change was kept; 4 it was rolled back; 1 failed (nothing left changed)."})
final class VerifyCommand extends NamespacedCommand implements Callable<Integer> {

    static final int ROLLED_BACK = 4;

    @Parameters(index = "0", paramLabel = "IFACE[,IFACE...]", description = "The interface(s) to change.")
    String targets;

    @Option(names = "--peer", required = true, paramLabel = "HOST", description = "The perf server to measure against.")
    String peer;

    @Option(names = "--set", required = true, paramLabel = "'NAME on|off ...'",
            description = "The change to try, as offloadctl set takes it: 'gro off gso off'.")
    String change;

    @Mixin
    StrictOption strict;

    @Option(names = "--port", defaultValue = "" + PerfCommand.DEFAULT_PORT, description = "The perf server's port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--duration", defaultValue = "5s", converter = DurationConverter.class,
            description = "Length of each measurement (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--streams", defaultValue = "1", description = "Parallel TCP streams (default: ${DEFAULT-VALUE}).")
    int streams;

    @Option(names = "--threshold", defaultValue = "5", paramLabel = "PERCENT",
            description = "Keep the change unless throughput fell by more than this (default: ${DEFAULT-VALUE}%%).")
    double threshold;

    @Option(names = "--reverse", description = "Measure the peer sending to this host (for receive-side features: gro, lro).")
    boolean reverse;

    @ArgGroup(exclusive = false, heading = "Posting the result to the API (optional):%n")
    ApiOptions api;

    @Override
    public Integer call() {
        List<Setting> settings = SettingArguments.parse(Arrays.asList(change.trim().split("\\s+")));
        if (threshold < 0 || threshold >= 100) {
            throw new io.offloadctl.model.OffloadException(io.offloadctl.model.ErrorKind.INVALID_ARGUMENT,
                    "--threshold must be at least 0 and below 100, not " + threshold);
        }
        ThroughputVerifier.Outcome outcome;
        try (KernelSession session = openSession()) {
            List<String> interfaceNames = InterfaceTargets.parse(targets, session).stream()
                    .map(given -> interfaceNamed(session, given)).distinct().toList();
            FeatureReader reader = new FeatureReader(session);
            Map<String, SettingsRequest> requests = new LinkedHashMap<>();
            for (String name : interfaceNames) {
                requests.put(name, new SettingsRequest(FeatureRequestResolver.resolve(settings, reader.read(name), strict.mode()), Map.of()));
            }
            ThroughputVerifier verifier = new ThroughputVerifier(session,
                    () -> PerfCommand.measure(this, peer, port, streams, duration, reverse), this::progress);
            outcome = verifier.verify(peer, requests, threshold);
        }
        print(outcome);
        if (api != null) {
            VerificationPoster.post(api, outcome.report());
            err().println("posted to " + api.server + " as node " + api.nodeName());
            err().flush();
        }
        return outcome.report().kept() ? ExitCodes.OK : ROLLED_BACK;
    }

    private void progress(String step) {
        err().println(step);
        err().flush();
    }

    private void print(ThroughputVerifier.Outcome outcome) {
        PrintWriter out = out();
        VerificationReport report = outcome.report();
        if (json()) {
            out.print(Json.write(Map.of("verification", report, "before", outcome.before(), "after", outcome.after(),
                    "changedFeatures", outcome.changedFeatures())));
        } else {
            out.printf(Locale.ROOT, "before: %s  (retransmits %s)%n", Rates.bits(report.beforeBitsPerSecond()), report.beforeRetransmissions());
            out.printf(Locale.ROOT, "after:  %s  (retransmits %s)  with %s%n", Rates.bits(report.afterBitsPerSecond()),
                    report.afterRetransmissions(), outcome.changedFeatures().isEmpty() ? "no feature changed"
                            : String.join(", ", outcome.changedFeatures().entrySet().stream()
                                    .map(e -> e.getKey() + " " + LegacyCompaction.arguments(e.getValue())).toList()));
            out.println(report.kept()
                    ? String.format(Locale.ROOT, "kept: throughput %s (threshold: %.0f%% worse)", change(report), report.thresholdPercent())
                    : String.format(Locale.ROOT, "rolled back: throughput %s, more than the %.0f%% allowed; every interface is as before",
                            change(report), report.thresholdPercent()));
        }
        out.flush();
    }

    private static String change(VerificationReport report) {
        double ratio = report.ratio();
        if (Double.isInfinite(ratio)) {
            return "went from nothing to " + Rates.bits(report.afterBitsPerSecond());
        }
        return ratio >= 1 ? String.format(Locale.ROOT, "x%.1f", ratio) : String.format(Locale.ROOT, "%.0f%% lower", (1 - ratio) * 100);
    }
}
