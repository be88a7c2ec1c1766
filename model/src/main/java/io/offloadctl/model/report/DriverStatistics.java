package io.offloadctl.model.report;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

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

    /**
     * For each of {@code names}, the total of the counters it matches ('*' in a name matches any
     * text, so {@code rx*_lro_packets} sums {@code rx0_lro_packets}, {@code rx1_lro_packets}, ...);
     * a name that matches none is left out. What an agent reports of them.
     */
    public Map<String, Long> totals(Collection<String> names) {
        Map<String, Long> totals = new TreeMap<>();
        for (String name : names) {
            Pattern pattern = glob(name);
            counters.stream().filter(c -> pattern.matcher(c.name()).matches())
                    .forEach(c -> totals.merge(name, c.value(), Long::sum));
        }
        return totals;
    }

    /** A name with '*' wildcards as a pattern; everything else literal. */
    static Pattern glob(String name) {
        return Pattern.compile(java.util.Arrays.stream(name.split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*")), Pattern.DOTALL);
    }
}
