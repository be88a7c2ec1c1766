package io.offloadctl.node.output;

import static io.offloadctl.model.settings.CoalesceParameter.*;

import java.util.List;
import java.util.Map;

import io.offloadctl.model.settings.CoalesceParameter;

/**
 * Renders coalescing parameters exactly as {@code ethtool -c} (ethtool 6.1, netlink path) prints
 * them: its groups in its order, separated by blank lines; "n/a" for what the driver does not report.
 */
public final class CoalesceText {

    /** ethtool's groups of lines; the on/off pairs share a line ("Adaptive RX: off  TX: n/a"). */
    private static final List<List<CoalesceParameter>> GROUPS = List.of(
            List.of(stats_block_usecs, sample_interval, pkt_rate_low, pkt_rate_high),
            List.of(rx_usecs, rx_frames, rx_usecs_irq, rx_frames_irq),
            List.of(tx_usecs, tx_frames, tx_usecs_irq, tx_frames_irq),
            List.of(rx_usecs_low, rx_frames_low, tx_usecs_low, tx_frames_low),
            List.of(rx_usecs_high, rx_frames_high, tx_usecs_high, tx_frames_high));

    private CoalesceText() {
    }

    public static String render(String interfaceName, Map<CoalesceParameter, Long> values) {
        StringBuilder out = new StringBuilder("Coalesce parameters for ").append(interfaceName).append(":\n");
        out.append("Adaptive RX: ").append(value(values.get(adaptive_rx), true))
                .append("  TX: ").append(value(values.get(adaptive_tx), true)).append('\n');
        for (int group = 0; group < GROUPS.size(); group++) {
            if (group > 0) {
                out.append('\n');
            }
            for (CoalesceParameter parameter : GROUPS.get(group)) {
                out.append(label(parameter)).append(": ").append(value(values.get(parameter), false)).append('\n');
            }
        }
        out.append("\nCQE mode RX: ").append(value(values.get(cqe_mode_rx), true))
                .append("  TX: ").append(value(values.get(cqe_mode_tx), true)).append("\n\n");
        return out.toString();
    }

    private static String value(Long value, boolean onOff) {
        if (value == null) {
            return "n/a";
        }
        return onOff ? (value != 0 ? "on" : "off") : Long.toString(value);
    }

    /** ethtool's label: the argument's name, but "frame" for "frames" in the low and high groups. */
    private static String label(CoalesceParameter parameter) {
        String argument = parameter.argument();
        return argument.endsWith("-low") || argument.endsWith("-high") ? argument.replace("-frames-", "-frame-") : argument;
    }
}
