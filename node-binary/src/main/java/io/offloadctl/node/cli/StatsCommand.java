package io.offloadctl.node.cli;

import java.util.concurrent.Callable;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.node.kernel.DriverStatisticsReader;
import io.offloadctl.node.output.StatisticsText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code offloadctl stats IFACE}: the driver's statistics, as {@code ethtool -S} prints them. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Show the driver's own statistics of an interface exactly as 'ethtool -S' does "
                + "(the interface counters every device has are in 'offloadctl info').",
        footer = {"", "Exit codes (as ethtool -S): 0 done; 94 the driver has no statistics; 96 the interface "
                + "cannot be read (no such interface); 1 anything else."})
final class StatsCommand extends NamespacedCommand implements Callable<Integer>, ErrorExitCodes {

    @Parameters(paramLabel = "IFACE", description = "The interface.")
    String interfaceName;

    @Override
    public Integer call() {
        return printRead(interfaceName, (session, name) -> new DriverStatisticsReader(session).read(name), StatisticsText::render);
    }

    @Override
    public int exitCodeFor(ErrorKind kind) {
        return ExitCodes.forStatsError(kind);
    }
}
