package io.offloadctl.node.cli;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
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
        description = {"Report this node to the offloadctl API every interval and enforce its desired state: changes are "
                + "applied all-or-nothing from a checkpoint, then probed (the API must still answer; --probe adds a TCP "
                + "target); a failed probe restores the checkpoint. Drift (a driver reload, a manual ethtool -K) is "
                + "repaired within seconds. Without the API the last desired state, cached on disk, is enforced.",
                "--audit reports only and changes nothing. --once runs one cycle and exits 0 when the node is "
                + "compliant, 1 otherwise."})
final class AgentCommand extends NamespacedCommand implements Callable<Integer> {

    static final String DEFAULT_CACHE = "/var/lib/offloadctl/desired.json";

    @Mixin
    ApiOptions apiOptions;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Time between reports: 30s, 2m, ... (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--drift-poll", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "How often the enforced interfaces are read between reports (default: ${DEFAULT-VALUE}).")
    Duration driftPoll;

    @Option(names = "--probe", paramLabel = "HOST:PORT", description = "Also require a TCP connection to this target after a "
            + "change (made from offloadctl's own network namespace, not from --netns).")
    String probe;

    @Option(names = "--audit", description = "Report only; never change anything.")
    boolean audit;

    @Option(names = "--once", description = "One cycle, then exit: 0 compliant, 1 not.")
    boolean once;

    @Mixin
    CacheOption cache;

    @Override
    public Integer call() throws Exception {
        if (interval.toMillis() < 1000 || driftPoll.toMillis() < 50) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--interval must be at least 1s and --drift-poll at least 50ms");
        }
        Agent.Settings settings = new Agent.Settings(apiOptions.nodeName(), apiOptions.labelMap(), ApiOptions.agentVersion(),
                !audit, interval, driftPoll,
                Duration.ofSeconds(apiOptions.timeoutSeconds), Optional.ofNullable(probe).map(AgentCommand::address));
        try (KernelSession session = openSession()) {
            Agent agent = new Agent(settings, session, apiOptions.connect(),
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
            return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--probe must be HOST:PORT, not '" + hostPort + "'");
        }
    }
}
