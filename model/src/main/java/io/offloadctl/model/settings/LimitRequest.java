package io.offloadctl.model.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Segmentation and aggregation size limits to set, as a policy or {@code ip link set} names them
 * (the settable {@link LinkLimit}s): limits left out (null) stay as they are.
 */
@Schema(description = "Segmentation (GSO) and aggregation (GRO) size limits to set, as 'ip link set dev IFACE gso_max_size N' "
        + "sets them; limits left out stay as they are. Checked against each interface's tso_max_size and tso_max_segs when "
        + "it is compared: a value above them is unenforceable there.")
public record LimitRequest(
        @Schema(nullable = true, description = "Largest GSO packet the stack builds for the device, in bytes.", examples = "65536",
                minimum = "0", maximum = "4294967295") Long gso_max_size,
        @Schema(nullable = true, description = "Most segments in one GSO packet.", examples = "64", minimum = "0",
                maximum = "65535") Long gso_max_segs,
        @Schema(nullable = true, description = "Largest packet GRO builds for the device, in bytes (at most 524280).",
                examples = "65536", minimum = "0", maximum = "524280") Long gro_max_size,
        @Schema(nullable = true, description = "gso_max_size for IPv4 packets (BIG TCP over IPv4), in bytes.",
                minimum = "0", maximum = "4294967295") Long gso_ipv4_max_size,
        @Schema(nullable = true, description = "gro_max_size for IPv4 packets, in bytes (at most 524280).",
                minimum = "0", maximum = "524280") Long gro_ipv4_max_size) {

    /** The most an IFLA_* u32 attribute holds. */
    public static final long MAX_VALUE = 0xffff_ffffL;

    /** The most segments: IFLA_GSO_MAX_SEGS is a u32 the kernel bounds by GSO_MAX_SEGS, 65535. */
    public static final long MAX_SEGMENTS = 65535;

    public static LimitRequest of(Map<LinkLimit, Long> values) {
        return new LimitRequest(values.get(LinkLimit.gso_max_size), values.get(LinkLimit.gso_max_segs),
                values.get(LinkLimit.gro_max_size), values.get(LinkLimit.gso_ipv4_max_size), values.get(LinkLimit.gro_ipv4_max_size));
    }

    /** The limits named, in {@link LinkLimit} order. */
    public Map<LinkLimit, Long> values() {
        Map<LinkLimit, Long> values = new EnumMap<>(LinkLimit.class);
        for (LinkLimit limit : LinkLimit.values()) {
            Long value = switch (limit) {
                case gso_max_size -> gso_max_size;
                case gso_max_segs -> gso_max_segs;
                case gro_max_size -> gro_max_size;
                case gso_ipv4_max_size -> gso_ipv4_max_size;
                case gro_ipv4_max_size -> gro_ipv4_max_size;
                case tso_max_size, tso_max_segs -> null;
            };
            if (value != null) {
                values.put(limit, value);
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /** The most a policy may name for {@code limit}. */
    public static long maximum(LinkLimit limit) {
        return switch (limit) {
            case gso_max_segs -> MAX_SEGMENTS;
            case gro_max_size, gro_ipv4_max_size -> LinkLimit.GRO_MAX_SIZE;
            default -> MAX_VALUE;
        };
    }

    /** Whether no limit is named (not "isEmpty": that would be a JSON property). */
    public boolean namesNone() {
        return values().isEmpty();
    }
}
