package io.offloadctl.node.cli;

import io.offloadctl.node.output.JsonMappers;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.diagnose.Diagnosis;
import io.offloadctl.model.diagnose.Finding;
import io.offloadctl.model.diagnose.NodeSample;
import io.offloadctl.model.diagnose.RuleBook;
import io.offloadctl.model.diagnose.Severity;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.NodeStateReader;
import io.offloadctl.node.output.FindingText;
import io.offloadctl.node.output.SampleText;
import io.offloadctl.node.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code offloadctl doctor}: runs the diagnostic rules over this node, or over a saved report. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Diagnose the known offload pathologies (Broadcom, Intel e1000e, vmxnet3, Hyper-V, Xen and virtio hosts "
                + "and guests, VXLAN and IPIP tunnels, LRO while forwarding, bridge port MTUs, features that drop others, policies "
                + "wanting fixed features) and their symptoms (small received packets, rising drops, TCP retransmissions, bad "
                + "checksums): the rules and their public sources are listed in the README. Changes nothing.",
                "Each finding comes with its evidence, the offloadctl set command that fixes it and how to persist it.",
                "Exit codes: 0 nothing of warning severity; 3 at least one warning; 1 failed."})
final class DoctorCommand extends NamespacedCommand implements Callable<Integer> {

    static final int FINDINGS = 3;

    @Parameters(paramLabel = "IFACE", arity = "0..*", description = "Only report findings on these interfaces (all are read).")
    List<String> interfaces = List.of();

    @Option(names = "--sample", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Measure counter rates over this interval (5s, 500ms) instead of only looking at settings: "
                    + "the symptom rules need it.")
    Duration sample;

    @Option(names = "--from", paramLabel = "FILE", arity = "1", description = "Diagnose a saved node report (the JSON the agent "
            + "sends, as doctor --save writes it, or the API's node view GET /api/v1/nodes/NAME, whose desired state is then used "
            + "too; - for standard input) instead of this host. Given twice (an earlier and a later report of one node), the "
            + "symptom rules judge the counters between them, exactly as the API judges two consecutive reports.")
    List<String> from;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With two --from reports: the time between them (node views from the API carry it; saved reports do not).")
    Duration interval;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Also write the node report diagnosed (the JSON the agent sends) to FILE, for doctor --from elsewhere.")
    Path save;

    @Option(names = "--role", paramLabel = "ROLE", description = "The node's role (hypervisor or guest) when its "
            + "interfaces do not tell: a hypervisor has taps, a guest paravirtual NICs.")
    String role;

    /** Used when readable, to find policies that want features the driver has fixed. */
    @Mixin
    CacheOption cache;

    @Option(names = "--min-severity", paramLabel = "LEVEL", defaultValue = "info",
            description = "Leave out findings below this severity: info, warning, critical (default: ${DEFAULT-VALUE}).")
    Severity minimum;

    /** Made when needed: picocli creates every command at start, and a mapper costs hundreds of classes. */
    private static ObjectMapper mapper() {
        return JsonMappers.create().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** What doctor --json prints. */
    record Result(String source, NodeSample sample, String summary, List<Finding> findings) {
    }

    @Override
    public Integer call() {
        NodeReport report;
        NodeSample measured = null;
        String source;
        Map<String, DesiredInterface> desired;
        if (from != null) {
            if (sample != null) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--sample measures this host; it cannot be used with --from");
            }
            if (from.size() > 2) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--from takes one report, or two of one node (earlier, later)");
            }
            SavedReport saved = SavedReport.read(from.get(from.size() - 1), mapper());
            report = saved.report();
            desired = saved.desired();
            source = from.stream().map(f -> f.equals("-") ? "standard input" : f).collect(java.util.stream.Collectors.joining(" then "));
            if (from.size() == 2) {
                measured = NodeSample.between(SavedReport.read(from.get(0), mapper()).report(), report,
                        seconds(SavedReport.read(from.get(0), mapper()), saved));
            } else if (interval != null) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--interval is the time between two --from reports");
            }
        } else {
            try (KernelSession session = openSession()) {
                NodeStateReader reader = new NodeStateReader(session);
                report = reader.read(Map.of(), ApiOptions.agentVersion());
                if (sample != null) {
                    if (sample.isZero() || sample.isNegative()) {
                        throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--sample must be longer than 0");
                    }
                    err().printf("sampling counters for %s ...%n", DurationConverter.format(sample));
                    err().flush();
                    long start = System.nanoTime();
                    sleep(sample);
                    NodeReport after = reader.read(Map.of(), ApiOptions.agentVersion());
                    measured = NodeSample.between(report, after, (System.nanoTime() - start) / 1e9);
                    report = after;
                }
            }
            source = session();
            desired = cachedDesired();
        }
        if (save != null) {
            SavedReport.write(save, report);
        }
        if (role != null) {
            Map<String, String> labels = new TreeMap<>(report.labels());
            labels.put("offloadctl.io/role", role);
            report = new NodeReport(labels, report.kernel(), report.agentVersion(), report.interfaces(), report.ipForwarding(), report.tcp(),
                    report.agent(), report.udp());
        }
        List<Finding> findings = new Diagnosis(RuleBook.builtIn()).run(report, measured, desired).stream()
                .filter(f -> f.severity().atLeast(minimum))
                .filter(f -> interfaces.isEmpty() || interfaces.contains(f.interfaceName()))
                .toList();
        if (json()) {
            out().print(Json.write(new Result(source, measured, FindingText.summary(findings), findings)));
        } else {
            if (measured != null) {
                out().print(SampleText.render(measured));
            }
            out().print(FindingText.render(findings, netnsOption()));
        }
        out().flush();
        return findings.stream().anyMatch(f -> f.severity().atLeast(Severity.warning)) ? FINDINGS : ExitCodes.OK;
    }

    /** Seconds between two saved reports: their API receive times, else --interval. */
    private double seconds(SavedReport earlier, SavedReport later) {
        if (interval != null) {
            if (interval.isZero() || interval.isNegative()) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--interval must be longer than 0");
            }
            return interval.toNanos() / 1e9;
        }
        if (earlier.reportedAt() == null || later.reportedAt() == null) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "two saved reports need the time between them: give --interval "
                    + "(node views from the API, GET /api/v1/nodes/NAME, carry it)");
        }
        double seconds = Duration.between(earlier.reportedAt(), later.reportedAt()).toNanos() / 1e9;
        if (!(seconds > 0)) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "the first --from report must be the earlier one ("
                    + earlier.reportedAt() + " is not before " + later.reportedAt() + ")");
        }
        return seconds;
    }

    private String session() {
        return top().netns == null ? "this host" : "network namespace " + top().netns;
    }

    private Map<String, DesiredInterface> cachedDesired() {
        Map<String, DesiredInterface> byName = new TreeMap<>();
        cache.readIfPresent().ifPresent(cached -> cached.interfaces().forEach(i -> byName.put(i.name(), i)));
        return byName;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OffloadException(ErrorKind.KERNEL, "interrupted while sampling", e);
        }
    }
}
