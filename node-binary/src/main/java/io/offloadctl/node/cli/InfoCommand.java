package io.offloadctl.node.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.InterfaceInfo;
import io.offloadctl.node.kernel.InterfaceInspector;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.output.InfoText;
import io.offloadctl.node.output.Json;
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
        try (KernelSession session = openSession()) {
            rejectMistypedOptions(session, List.of(interfaceName));
            InterfaceInfo info = new InterfaceInspector(session).info(interfaceName);
            PrintWriter out = out();
            out.print(json() ? Json.write(info) : InfoText.render(info));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Override
    public int exitCodeFor(ErrorKind kind) {
        return ExitCodes.forInfoError(kind);
    }
}
