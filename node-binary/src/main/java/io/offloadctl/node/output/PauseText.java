package io.offloadctl.node.output;

import java.util.Map;
import java.util.Optional;

import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.node.kernel.PauseNegotiation;

/**
 * Renders pause parameters exactly as {@code ethtool -a} (ethtool 6.1, netlink path) prints them:
 * each on, off or "n/a" when the driver does not report it, then, when autonegotiation is on, what
 * it resolved to, and a blank line.
 */
public final class PauseText {

    private PauseText() {
    }

    public static String render(String interfaceName, Map<PauseParameter, Long> pause, Optional<PauseNegotiation> negotiated) {
        StringBuilder out = new StringBuilder("Pause parameters for ").append(interfaceName).append(":\n");
        for (PauseParameter parameter : PauseParameter.values()) {
            Long value = pause.get(parameter);
            out.append(switch (parameter) {
                case autoneg -> "Autonegotiate:\t";
                case rx -> "RX:\t\t";
                case tx -> "TX:\t\t";
            }).append(value == null ? "n/a" : value != 0 ? "on" : "off").append('\n');
        }
        negotiated.ifPresent(n -> out.append("RX negotiated: ").append(n.rx() ? "on" : "off").append('\n')
                .append("TX negotiated: ").append(n.tx() ? "on" : "off").append('\n'));
        return out.append('\n').toString();
    }

    /** Whether ethtool goes on to print the negotiated result: autonegotiation is reported on. */
    public static boolean negotiates(Map<PauseParameter, Long> pause) {
        Long autoneg = pause.get(PauseParameter.autoneg);
        return autoneg != null && autoneg != 0;
    }
}
