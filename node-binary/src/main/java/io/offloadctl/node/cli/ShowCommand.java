package io.offloadctl.node.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.offloadctl.model.FeatureTable;
import io.offloadctl.node.kernel.FeatureReader;
import io.offloadctl.node.kernel.InterfaceInspector;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.output.FeatureText;
import io.offloadctl.node.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code offloadctl show [IFACE...]}: the features of interfaces, as {@code ethtool -k} prints them. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show the offload features of interfaces exactly as 'ethtool -k' does. "
                + "Without an interface, every interface of the namespace.")
final class ShowCommand extends NamespacedCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IFACE", arity = "0..*", description = "Interfaces to show (default: all).")
    List<String> interfaces = List.of();

    @Override
    public Integer call() {
        try (KernelSession session = openSession()) {
            List<String> names = interfaces.isEmpty() ? new InterfaceInspector(session).names()
                    : interfaces.stream().map(given -> interfaceNamed(session, given)).toList();
            FeatureReader reader = new FeatureReader(session);
            List<FeatureTable> tables = names.stream().map(reader::read).toList();
            PrintWriter out = out();
            if (json()) {
                out.print(Json.write(tables.stream().map(Json.InterfaceFeatures::of).toList()));
            } else {
                for (int i = 0; i < tables.size(); i++) {
                    out.print((i > 0 ? "\n" : "") + FeatureText.render(tables.get(i)));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
