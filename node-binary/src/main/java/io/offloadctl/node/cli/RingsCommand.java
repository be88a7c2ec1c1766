package io.offloadctl.node.cli;

import java.util.Map;

import io.offloadctl.model.settings.RingParameter;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.NetlinkSettings;
import io.offloadctl.node.output.Json;
import io.offloadctl.node.output.RingText;
import picocli.CommandLine.Command;

/** {@code offloadctl rings IFACE [NAME VALUE ...]}: ring sizes as {@code ethtool -g} shows and {@code -G} sets them. */
@Command(name = "rings", mixinStandardHelpOptions = true,
        description = {"Show an interface's ring (descriptor queue) sizes exactly as 'ethtool -g' does; with NAME VALUE "
                + "pairs, set them as 'ethtool -G' does (the others stay), checked against the driver's maxima first.",
                "NAME is rx, rx-mini, rx-jumbo, tx, rx-buf-len, cqe-size (numbers) or tx-push (on|off). On many drivers "
                        + "a new ring size restarts the device's queues: traffic stops while they come back."},
        footer = {"", "A new ring size restarts the device's queues on many drivers: offloadctl says so before it changes "
                + "them (at a terminal it asks; --yes does not), and --dry-run shows the change without making it.",
                "", "Exit codes (as ethtool -g/-G): 0 done; 1 the interface cannot be read, or a command line that "
                + "cannot be taken; 81 a change refused (no such interface, no ring settings, above the maximum)."})
final class RingsCommand extends DriverParametersCommand<RingParameter> {

    /** {@code ethtool -G}'s exit code for a change its netlink request could not make. */
    static final int RINGS_REFUSED = 81;

    @Override
    String what() {
        return "ring parameter";
    }

    @Override
    NetlinkSettings<RingParameter> settings(KernelSession session) {
        return NetlinkSettings.rings(session);
    }

    @Override
    RingParameter[] parameters() {
        return RingParameter.values();
    }

    @Override
    String disruption() {
        return ChangeConfirmation.RESTARTS_QUEUES;
    }

    @Override
    String render(KernelSession session, String interfaceName, Map<RingParameter, Long> values) {
        return RingText.render(interfaceName, values);
    }

    @Override
    Object json(KernelSession session, String interfaceName, Map<RingParameter, Long> values) {
        return Json.InterfaceRings.of(interfaceName, values);
    }

    @Override
    int refusedExitCode() {
        return RINGS_REFUSED;
    }
}
