package io.offloadctl.node.cli;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.node.agent.Agent;
import io.offloadctl.node.kernel.KernelSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code offloadctl agent}: turns this host into a managed node. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Report this node to the offloadctl API every interval and enforce its desired state. Link "
                + "notifications wake the agent at once: drift (a driver reload, a manual ethtool -K) is repaired within "
                + "milliseconds, and an interface that appears (a VM's tap, a re-created bridge) gets the policies that "
                + "select it at once, also while the API is unreachable; a slow safety poll reads everything in between.",
                "A change is applied all-or-nothing and probed before and after it: the default gateway must answer an "
                + "ICMP echo, the API accept a TCP connection, every --probe target too. A probe that answered before and "
                + "fails after rolls the change back, and the revision is quarantined: not tried again until it changes or "
                + "an operator asks for a retry (POST /api/v1/nodes/NODE/retry). A probe that already failed before the "
                + "change cannot roll it back.",
                "A feature repaired --contest-limit times within --contest-window is contested (something else keeps "
                + "turning it back): the agent stops repairing it and reports it until an operator acts.",
                "Reports and enactments go to the API from a thread of their own: a slow or hung API delays only them. "
                + "Enactments wait in an outage journal beside --cache (mode 0600) until the API takes them, in order.",
                "--audit reports only and changes nothing. --once runs one cycle and exits 0 when the node is "
                + "compliant, 1 otherwise."})
final class AgentCommand extends NamespacedCommand implements Callable<Integer> {

    static final String DEFAULT_CACHE = "/var/lib/offloadctl/desired.json";

    @Mixin
    ApiOptions apiOptions;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Time between reports: 30s, 2m, ... (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = {"--safety-poll", "--drift-poll"}, paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How often the node is read without a link notification, in case one was lost (default: ${DEFAULT-VALUE}).")
    Duration safetyPoll;

    @Option(names = "--probe", paramLabel = "HOST:PORT", description = "Also require a TCP connection to this target after a "
            + "change (made from offloadctl's own network namespace, not from --netns). Repeatable.")
    List<String> probes = new ArrayList<>();

    @Option(names = "--probe-timeout", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How long each probe may take (default: ${DEFAULT-VALUE}).")
    Duration probeTimeout;

    @Option(names = "--contest-limit", paramLabel = "N", defaultValue = "5",
            description = "Repairs of one feature within --contest-window after which it is contested (default: ${DEFAULT-VALUE}).")
    int contestLimit;

    @Option(names = "--contest-window", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "The window of --contest-limit (default: ${DEFAULT-VALUE}).")
    Duration contestWindow;

    @Option(names = "--enroll", description = "The token (OFFLOADCTL_TOKEN or --token-file) is an enroller token: exchange it "
            + "once for this node's own agent token (POST /api/v1/nodes/NODE/enrollment), keep that beside --cache "
            + "(desired-token, mode 0600) and use it from then on. For a DaemonSet: one shared secret, a token per node.")
    boolean enroll;

    @Option(names = "--audit", description = "Report only; never change anything.")
    boolean audit;

    @Option(names = "--once", description = "One cycle, then exit: 0 compliant, 1 not.")
    boolean once;

    @Mixin
    CacheOption cache;

    @Override
    public Integer call() throws Exception {
        if (interval.toMillis() < 1000 || safetyPoll.toMillis() < 50) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--interval must be at least 1s and --safety-poll at least 50ms");
        }
        if (contestLimit < 1 || contestWindow.toMillis() < 1000 || probeTimeout.toMillis() < 10 || probeTimeout.toSeconds() > 60) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT,
                    "--contest-limit must be at least 1, --contest-window at least 1s, --probe-timeout between 10ms and 60s");
        }
        Agent.Settings settings = new Agent.Settings(apiOptions.nodeName(), apiOptions.labelMap(), ApiOptions.agentVersion(),
                !audit, interval, safetyPoll, probeTimeout, probes.stream().map(AgentCommand::address).toList(),
                contestLimit, contestWindow);
        try (KernelSession session = openSession()) {
            Agent agent = new Agent(settings, session, enroll ? apiOptions.enrolled(cache.cache(), err()) : apiOptions.connect(),
                    cache.cache(), err());
            if (once) {
                Agent.CycleResult result = agent.cycle();
                out().println(result.summary());
                out().flush();
                return result.compliant() ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            agent.run(() -> !Thread.currentThread().isInterrupted());
            return ExitCodes.OK;
        }
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            InetSocketAddress address = new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
            if (address.isUnresolved()) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--probe " + hostPort + ": the host name does not resolve");
            }
            return address;
        } catch (OffloadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--probe must be HOST:PORT, not '" + hostPort + "'");
        }
    }
}
