package io.offloadctl.node.cli;

import io.offloadctl.node.kernel.NetworkNamespace;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top command: global options and the list of verbs. */
@Command(name = "offloadctl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads, sets and explains NIC offloads (GRO, GSO, TSO, LRO, scatter-gather, checksums) "
                + "through ioctl(SIOCETHTOOL), without the ethtool program.",
        subcommands = {ShowCommand.class, InfoCommand.class, SetCommand.class, ChannelsCommand.class, RingsCommand.class, CoalesceCommand.class, PauseCommand.class, LimitsCommand.class, StatsCommand.class, ReportCommand.class, AgentCommand.class, AliveCommand.class, ApplyCommand.class, DoctorCommand.class, PerfCommand.class, VerifyCommand.class, PersistCommand.class, HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failed, 2 bad command line; set: 92 when refused (as ethtool -K); "
                + "doctor: 3 when it finds anything of warning severity; verify: 4 when it rolled the change back."})
public final class OffloadctlCommand {

    @Option(names = "--netns", scope = ScopeType.INHERIT, paramLabel = "NAME|PATH",
            description = "Operate inside this network namespace: a name as 'ip netns' lists it, "
                    + "or a namespace file such as /proc/PID/ns/net.")
    String netns;

    NetworkNamespace namespace() {
        return NetworkNamespace.resolve(netns);
    }
}
