package io.offloadctl.node.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

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
                + "kind, bridge or bond master and the interface counters.")
final class InfoCommand extends NamespacedCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IFACE", description = "The interface.")
    String interfaceName;

    @Override
    public Integer call() {
        try (KernelSession session = openSession()) {
            InterfaceInfo info = new InterfaceInspector(session).info(interfaceName);
            PrintWriter out = out();
            out.print(json() ? Json.write(info) : InfoText.render(info));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
