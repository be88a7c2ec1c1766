package io.offloadctl.model;

import java.util.EnumMap;

import io.offloadctl.model.settings.LinkLimit;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What offloadctl knows about one interface besides its features.
 *
 * @param name      interface name
 * @param index     interface index in its namespace
 * @param kind      what sort of device it is (see {@link InterfaceKind})
 * @param driver    driver name, version, firmware and bus address, as {@code ethtool -i} prints them
 * @param mtu       MTU in bytes
 * @param link      speed, duplex, autonegotiation and carrier
 * @param operState RFC 2863 operational state as the kernel names it ({@code up}, {@code down}, ...)
 * @param master    the bridge or bond this interface is a port of, or null
 * @param counters  the kernel's interface statistics (the counters sysfs shows), sorted by name
 * @param limits    segmentation and aggregation size limits, as {@code ip -d link} shows them (empty: the kernel reports none)
 */
public record InterfaceInfo(String name, int index, InterfaceKind kind, DriverInfo driver, int mtu,
                            LinkState link, String operState, String master, Map<String, Long> counters,
                            Map<LinkLimit, Long> limits) {

    public InterfaceInfo {
        counters = Collections.unmodifiableMap(new TreeMap<>(counters));
        Map<LinkLimit, Long> sizes = new EnumMap<>(LinkLimit.class);
        if (limits != null) {
            sizes.putAll(limits);
        }
        limits = Collections.unmodifiableMap(sizes);
    }

    /** The fields of {@code ethtool -i}; empty strings where the driver reports nothing. */
    public record DriverInfo(String driver, String version, String firmwareVersion, String expansionRomVersion,
                             String busInfo, boolean supportsStatistics, boolean supportsTest,
                             boolean supportsEepromAccess, boolean supportsRegisterDump,
                             boolean supportsPrivFlags) {
    }

    /**
     * Link settings; {@code speedMbps} is null when unknown, {@code duplex} is {@code Full},
     * {@code Half} or {@code Unknown}; {@code detected} is null when the driver cannot tell.
     */
    public record LinkState(Integer speedMbps, String duplex, Boolean autoneg, Boolean detected) {
        public static final LinkState UNKNOWN = new LinkState(null, "Unknown", null, null);
    }
}
