package io.offloadctl.node.output;

import io.offloadctl.model.report.DriverStatistics;

/** Renders driver statistics exactly as {@code ethtool -S} prints them: a title, then "     name: value" (unsigned). */
public final class StatisticsText {

    private StatisticsText() {
    }

    public static String render(DriverStatistics statistics) {
        StringBuilder out = new StringBuilder("NIC statistics:\n");
        for (DriverStatistics.Counter counter : statistics.counters()) {
            out.append("     ").append(counter.name()).append(": ").append(Long.toUnsignedString(counter.value())).append('\n');
        }
        return out.toString();
    }
}
