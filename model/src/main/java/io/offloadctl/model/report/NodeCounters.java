package io.offloadctl.model.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * What of a node report changes on its own, cycle after cycle: the interface counters, the driver
 * statistics the rules read and the namespace's TCP and UDP counters. Kept apart from the configuration (everything else), so that a
 * report whose configuration is unchanged stores only this, small, and re-evaluates nothing.
 */
public record NodeCounters(Map<String, Map<String, Long>> interfaces, TcpCounters tcp, UdpCounters udp,
                           Map<String, Map<String, Long>> driverStatistics) {

    public NodeCounters {
        interfaces = interfaces == null ? Map.of() : new TreeMap<>(interfaces);
        driverStatistics = driverStatistics == null ? Map.of() : new TreeMap<>(driverStatistics);
    }

    /** Counters without driver statistics. */
    public NodeCounters(Map<String, Map<String, Long>> interfaces, TcpCounters tcp, UdpCounters udp) {
        this(interfaces, tcp, udp, null);
    }

    public static NodeCounters of(NodeReport report) {
        Map<String, Map<String, Long>> interfaces = new TreeMap<>();
        Map<String, Map<String, Long>> statistics = new TreeMap<>();
        report.interfaces().forEach(i -> {
            interfaces.put(i.name(), i.counters());
            if (!i.driverStatistics().isEmpty()) {
                statistics.put(i.name(), i.driverStatistics());
            }
        });
        return new NodeCounters(interfaces, report.tcp(), report.udp(), statistics);
    }

    /** {@code report} with these counters instead of its own (an interface these do not have keeps none). */
    public NodeReport applyTo(NodeReport report) {
        return new NodeReport(report.labels(), report.kernel(), report.agentVersion(), report.interfaces().stream()
                .map(i -> i.withCounters(interfaces.getOrDefault(i.name(), Map.of()), driverStatistics.getOrDefault(i.name(), Map.of())))
                .toList(), report.ipForwarding(), tcp, report.agent(), udp);
    }
}
