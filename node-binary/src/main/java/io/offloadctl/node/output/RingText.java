package io.offloadctl.node.output;

import java.util.Map;

import io.offloadctl.model.settings.RingParameter;

/**
 * Renders ring parameters exactly as {@code ethtool -g} (ethtool 6.1, netlink path) prints them:
 * the maxima, then the sizes in use and the ring options; "n/a" for what the driver does not report.
 */
public final class RingText {

    private RingText() {
    }

    public static String render(String interfaceName, Map<RingParameter, Long> rings) {
        StringBuilder out = new StringBuilder("Ring parameters for ").append(interfaceName).append(":\n");
        for (RingParameter parameter : RingParameter.values()) {
            if (parameter == RingParameter.rx_max) {
                out.append("Pre-set maximums:\n");
            } else if (parameter == RingParameter.rx) {
                out.append("Current hardware settings:\n");
            }
            out.append(label(parameter)).append(value(parameter, rings.get(parameter))).append('\n');
        }
        return out.toString();
    }

    /** The value as ethtool prints it: a number, on/off, or the TCP data split mode; "n/a" when absent or unknown. */
    static String value(RingParameter parameter, Long value) {
        if (value == null) {
            return "n/a";
        }
        return switch (parameter.type()) {
            case COUNT -> Long.toString(value);
            case SWITCH -> value != 0 ? "on" : "off";
            // ETHTOOL_TCP_DATA_SPLIT_UNKNOWN, _DISABLED, _ENABLED
            case SPLIT -> value == 1 ? "off" : value == 2 ? "on" : "n/a";
        };
    }

    private static String label(RingParameter parameter) {
        return switch (parameter) {
            case rx_max, rx -> "RX:\t\t";
            case rx_mini_max, rx_mini -> "RX Mini:\t";
            case rx_jumbo_max, rx_jumbo -> "RX Jumbo:\t";
            case tx_max, tx -> "TX:\t\t";
            case rx_buf_len -> "RX Buf Len:\t\t";
            case cqe_size -> "CQE Size:\t\t";
            case tx_push -> "TX Push:\t";
            case tcp_data_split -> "TCP data split:\t";
        };
    }
}
