package io.offloadctl.node.cli;

import java.util.concurrent.Callable;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.node.kernel.InterfaceInspector;
import io.offloadctl.node.output.InfoText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code offloadctl info IFACE}: driver, link, placement and counters of one interface. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show driver information (as 'ethtool -i'), MTU, speed, duplex, link, operational state, "
                + "kind, bridge or bond master and the interface counters.",
        footer = {"", "Exit codes (as ethtool -i): 0 done; 1 bad arguments; 71 the interface could not be read "
                + "(no such interface, no permission)."})
final class InfoCommand extends NamespacedCommand implements Callable<Integer>, ErrorExitCodes {

    @Parameters(paramLabel = "IFACE", description = "The interface.")
    String interfaceName;

    @Override
    public Integer call() {
        return printRead(interfaceName, (session, name) -> new InterfaceInspector(session).info(name), InfoText::render);
    }

    @Override
    public int exitCodeFor(ErrorKind kind) {
        return ExitCodes.forInfoError(kind);
    }
}
