package io.offloadctl.model.settings;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The segmentation and aggregation size limits of an interface (rtnetlink, linux/if_link.h
 * IFLA_*_MAX_*), by the names {@code ip link} uses, in the order {@code ip -d link} prints them.
 * The tso_ ones are what the driver allows the gso_ ones up to: read only.
 */
public enum LinkLimit {
    gso_max_size(true, "tso_max_size"),
    gso_max_segs(true, "tso_max_segs"),
    tso_max_size(false, null),
    tso_max_segs(false, null),
    gro_max_size(true, null),
    gso_ipv4_max_size(true, "tso_max_size"),
    gro_ipv4_max_size(true, null);

    /**
     * The most the kernel takes for the gro_ limits: GRO_MAX_SIZE, 8 * 65535 (include/linux/netdevice.h
     * since Linux 6.3, the BIG TCP series; rtnetlink's validate_linkmsg answers "too big gro_max_size" above it).
     */
    public static final long GRO_MAX_SIZE = 8 * 65535L;

    private final boolean settable;
    private final String boundBy;

    LinkLimit(boolean settable, String boundBy) {
        this.settable = settable;
        this.boundBy = boundBy;
    }

    /** Whether {@code ip link set} (RTM_NEWLINK) can change it. */
    public boolean settable() {
        return settable;
    }

    /** The driver's maximum this limit may not exceed (the kernel checks it): a tso_ limit; empty for the gro_ ones. */
    public Optional<LinkLimit> boundBy() {
        return Optional.ofNullable(boundBy).map(LinkLimit::valueOf);
    }

    /**
     * Why {@code value} cannot be set on the interface whose limits are {@code reported}: it is read
     * only, the kernel reports no such limit, or the value is above what validate_linkmsg allows;
     * empty when the kernel should take it.
     */
    public Optional<String> refusal(String interfaceName, long value, Map<LinkLimit, Long> reported) {
        if (!settable) {
            return Optional.of(this + " is what the driver allows, not a setting; the limits that can be set are " + settableNames());
        }
        if (!reported.containsKey(this)) {
            return Optional.of("the kernel reports no " + this + " for '" + interfaceName + "'");
        }
        long maximum = boundBy().map(reported::get).orElse(GRO_MAX_SIZE);
        if (value < 0 || value > maximum) {
            return Optional.of(String.format("%s %d exceeds the %s of '%s', %d", this, value,
                    boundBy().map(Enum::name).orElse("kernel's GRO_MAX_SIZE"), interfaceName, maximum));
        }
        return Optional.empty();
    }

    public static Optional<LinkLimit> named(String name) {
        return Arrays.stream(values()).filter(l -> l.name().equals(name)).findFirst();
    }

    /** The names that can be set, for messages and help. */
    public static String settableNames() {
        return String.join(", ", Arrays.stream(values()).filter(LinkLimit::settable).map(Enum::name).toList());
    }
}
