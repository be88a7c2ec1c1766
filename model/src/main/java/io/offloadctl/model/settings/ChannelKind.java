package io.offloadctl.model.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of channel (queue) a driver reports through ETHTOOL_GCHANNELS (linux/ethtool.h,
 * struct ethtool_channels), by the names {@code ethtool -L} takes and the labels {@code ethtool -l}
 * prints.
 */
public enum ChannelKind {
    rx("RX:\t\t"),
    tx("TX:\t\t"),
    other("Other:\t\t"),
    combined("Combined:\t");

    private final String label;

    ChannelKind(String label) {
        this.label = label;
    }

    /** The name {@code ethtool -L} takes (and policies use): rx, tx, other, combined. */
    public String argument() {
        return name();
    }

    /** The label {@code ethtool -l} prints before the count, tabs included. */
    public String label() {
        return label;
    }

    public static Optional<ChannelKind> named(String argument) {
        return Arrays.stream(values()).filter(k -> k.name().equals(argument)).findFirst();
    }

    /** The argument names, for messages and help: "rx, tx, other, combined". */
    public static String arguments() {
        return String.join(", ", Arrays.stream(values()).map(ChannelKind::argument).toList());
    }
}
