package io.offloadctl.model.report;

import java.util.List;

/**
 * A driver's own statistics as {@code ethtool -S} shows them (ETH_SS_STATS names, ETHTOOL_GSTATS
 * values): in the driver's order, names as the driver spells them (a driver may repeat one, so
 * this is a list, not a map). Values are __u64 counters held in a long: read them unsigned.
 */
public record DriverStatistics(String interfaceName, List<Counter> counters) {

    public DriverStatistics {
        counters = List.copyOf(counters);
    }

    public record Counter(String name, long value) {
    }
}
