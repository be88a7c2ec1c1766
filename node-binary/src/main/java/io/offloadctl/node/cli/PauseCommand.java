package io.offloadctl.node.cli;

import java.util.Map;
import java.util.Optional;

import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.node.kernel.KernelSession;
import io.offloadctl.node.kernel.NetlinkSettings;
import io.offloadctl.node.kernel.PauseNegotiation;
import io.offloadctl.node.output.Json;
import io.offloadctl.node.output.PauseText;
import picocli.CommandLine.Command;

/** {@code offloadctl pause IFACE [NAME on|off ...]}: pause (flow control) as {@code ethtool -a} shows and {@code -A} sets it. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = {"Show an interface's pause (802.3x flow control) parameters exactly as 'ethtool -a' does, with what "
                + "autonegotiation resolved to when it is on; with NAME on|off pairs, set them as 'ethtool -A' does (the "
                + "others stay).",
                "NAME is autoneg, rx or tx. Virtual devices (veth, bridge, tap, ...) have no pause settings."},
        footer = {"", "A pause change renegotiates the link on many drivers (it drops for a moment): offloadctl says so "
                + "before it changes them (at a terminal it asks; --yes does not), and --dry-run shows the change without "
                + "making it.",
                "", "Exit codes (as ethtool -a/-A): 0 done; 1 the interface cannot be read, or a command line that cannot "
                + "be taken; 76 a change refused (no such interface, no pause settings)."})
final class PauseCommand extends DriverParametersCommand<PauseParameter> {

    /** {@code ethtool -A}'s exit code for a change its netlink request could not make. */
    static final int PAUSE_REFUSED = 76;

    @Override
    String what() {
        return "pause parameter";
    }

    @Override
    NetlinkSettings<PauseParameter> settings(KernelSession session) {
        return NetlinkSettings.pause(session);
    }

    @Override
    PauseParameter[] parameters() {
        return PauseParameter.values();
    }

    @Override
    String disruption() {
        return ChangeConfirmation.RENEGOTIATES_LINK;
    }

    @Override
    String render(KernelSession session, String interfaceName, Map<PauseParameter, Long> values) {
        return PauseText.render(interfaceName, values, negotiated(session, interfaceName, values));
    }

    @Override
    Object json(KernelSession session, String interfaceName, Map<PauseParameter, Long> values) {
        return Json.InterfacePause.of(interfaceName, values, negotiated(session, interfaceName, values));
    }

    private static Optional<PauseNegotiation> negotiated(KernelSession session, String interfaceName, Map<PauseParameter, Long> values) {
        return PauseText.negotiates(values) ? PauseNegotiation.read(session, interfaceName) : Optional.empty();
    }

    @Override
    int refusedExitCode() {
        return PAUSE_REFUSED;
    }
}
