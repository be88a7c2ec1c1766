package io.offloadctl.node.cli;

import java.util.Map;

import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.NetlinkSettings;
import io.offloadctl.node.output.CoalesceText;
import io.offloadctl.node.output.Json;
import picocli.CommandLine.Command;

/** {@code offloadctl coalesce IFACE [NAME VALUE ...]}: interrupt coalescing as {@code ethtool -c} shows and {@code -C} sets it. */
@Command(name = "coalesce", mixinStandardHelpOptions = true,
        description = {"Show an interface's interrupt coalescing exactly as 'ethtool -c' does; with NAME VALUE pairs, "
                + "set it as 'ethtool -C' does (the others stay). A driver takes only the parameters it reports.",
                "NAME is one of ethtool -C's: rx-usecs, rx-frames, tx-usecs, tx-frames, ... (numbers); adaptive-rx, "
                        + "adaptive-tx, cqe-mode-rx, cqe-mode-tx (on|off)."},
        footer = {"", "Exit codes (as ethtool -c/-C): 0 done; 1 anything refused (no such interface, no coalescing "
                + "settings, a parameter the driver does not support, a command line that cannot be taken)."})
final class CoalesceCommand extends DriverParametersCommand<CoalesceParameter> {

    @Override
    String what() {
        return "coalescing parameter";
    }

    @Override
    NetlinkSettings<CoalesceParameter> settings(KernelSession session) {
        return NetlinkSettings.coalesce(session);
    }

    @Override
    CoalesceParameter[] parameters() {
        return CoalesceParameter.values();
    }

    @Override
    String disruption() {
        return null;
    }

    @Override
    String render(KernelSession session, String interfaceName, Map<CoalesceParameter, Long> values) {
        return CoalesceText.render(interfaceName, values);
    }

    @Override
    Object json(KernelSession session, String interfaceName, Map<CoalesceParameter, Long> values) {
        return Json.InterfaceCoalescing.of(interfaceName, values);
    }

    @Override
    int refusedExitCode() {
        return ExitCodes.FAILURE;
    }
}
