package io.offloadctl.model.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of channel (queue) a driver reports through ETHTOOL_GCHANNELS (linux/ethtool.h,
 * struct ethtool_channels), by the names {@code ethtool -L} takes and the labels {@code ethtool -l}
 * prints.
 */
public enum ChannelKind {
    RX("rx", "RX:\t\t"),
    TX("tx", "TX:\t\t"),
    OTHER("other", "Other:\t\t"),
    COMBINED("combined", "Combined:\t");

    private final String argument;
    private final String label;

    ChannelKind(String argument, String label) {
        this.argument = argument;
        this.label = label;
    }

    /** The name {@code ethtool -L} takes: rx, tx, other, combined. */
    public String argument() {
        return argument;
    }

    /** The label {@code ethtool -l} prints before the count, tabs included. */
    public String label() {
        return label;
    }

    public static Optional<ChannelKind> named(String argument) {
        return Arrays.stream(values()).filter(k -> k.argument.equals(argument)).findFirst();
    }

    /** The argument names, for messages and help: "rx, tx, other, combined". */
    public static String arguments() {
        return String.join(", ", Arrays.stream(values()).map(ChannelKind::argument).toList());
    }
}
