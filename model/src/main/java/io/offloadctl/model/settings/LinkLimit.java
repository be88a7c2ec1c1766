package io.offloadctl.model.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * The segmentation and aggregation size limits of an interface (rtnetlink, linux/if_link.h
 * IFLA_*_MAX_*), by the names {@code ip link} uses, in the order {@code ip -d link} prints them.
 * The tso_ ones are what the driver allows the gso_ ones up to: read only.
 */
public enum LinkLimit {
    gso_max_size(true),
    gso_max_segs(true),
    tso_max_size(false),
    tso_max_segs(false),
    gro_max_size(true),
    gso_ipv4_max_size(true),
    gro_ipv4_max_size(true);

    private final boolean settable;

    LinkLimit(boolean settable) {
        this.settable = settable;
    }

    /** Whether {@code ip link set} (RTM_NEWLINK) can change it. */
    public boolean settable() {
        return settable;
    }

    public static Optional<LinkLimit> named(String name) {
        return Arrays.stream(values()).filter(l -> l.name().equals(name)).findFirst();
    }

    /** The names that can be set, for messages and help. */
    public static String settableNames() {
        return String.join(", ", Arrays.stream(values()).filter(LinkLimit::settable).map(Enum::name).toList());
    }
}
