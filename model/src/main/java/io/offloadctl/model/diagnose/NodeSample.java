package io.offloadctl.model.diagnose;

import io.offloadctl.model.report.NodeCounters;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.report.TcpCounters;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What changed between two readings of a node: counter rates per interface and the TCP segments
 * sent and retransmitted in between. Interfaces whose counters went backwards (recreated, driver
 * reloaded) are left out rather than given negative rates.
 *
 * @param tcpOutSegments     segments sent in the interval; -1 when unknown
 * @param tcpRetransmissions segments retransmitted in the interval; -1 when unknown
 * @param checksumErrors     TCP segments and UDP datagrams received with a bad checksum in the interval
 *                           (InCsumErrors of /proc/net/snmp); -1 when unknown
 */
public record NodeSample(double seconds, Map<String, InterfaceRates> interfaces, long tcpOutSegments, long tcpRetransmissions,
                         long checksumErrors) {

    public NodeSample(double seconds, Map<String, InterfaceRates> interfaces, long tcpOutSegments, long tcpRetransmissions) {
        this(seconds, interfaces, tcpOutSegments, tcpRetransmissions, -1);
    }

    public NodeSample {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("a sample needs a positive interval, not " + seconds + " s");
        }
        interfaces = new TreeMap<>(interfaces);
    }

    public static NodeSample between(NodeReport before, NodeReport after, double seconds) {
        return between(NodeCounters.of(before), NodeCounters.of(after), seconds);
    }

    /** The sample between two readings of a node's counters. */
    public static NodeSample between(NodeCounters before, NodeCounters after, double seconds) {
        Map<String, InterfaceRates> rates = new TreeMap<>();
        after.interfaces().forEach((name, now) -> {
            Map<String, Long> then = before.interfaces().get(name);
            if (then != null) {
                rates(then, now, seconds, before.driverStatistics().getOrDefault(name, Map.of()),
                        after.driverStatistics().getOrDefault(name, Map.of())).ifPresent(r -> rates.put(name, r));
            }
        });
        TcpCounters a = before.tcp();
        TcpCounters b = after.tcp();
        boolean tcpKnown = a != null && b != null && b.outSegments() >= a.outSegments()
                && b.retransmittedSegments() >= a.retransmittedSegments();
        return new NodeSample(seconds, rates,
                tcpKnown ? b.outSegments() - a.outSegments() : -1,
                tcpKnown ? b.retransmittedSegments() - a.retransmittedSegments() : -1,
                checksumErrors(before, after));
    }

    /** TCP and UDP InCsumErrors between two reports: -1 when neither is known in both, or a counter went backwards. */
    private static long checksumErrors(NodeCounters before, NodeCounters after) {
        long sum = 0;
        boolean known = false;
        Long tcpBefore = before.tcp() == null ? null : before.tcp().inChecksumErrors();
        Long tcpAfter = after.tcp() == null ? null : after.tcp().inChecksumErrors();
        if (tcpBefore != null && tcpAfter != null) {
            if (tcpAfter < tcpBefore) {
                return -1;
            }
            sum += tcpAfter - tcpBefore;
            known = true;
        }
        if (before.udp() != null && after.udp() != null) {
            if (after.udp().inChecksumErrors() < before.udp().inChecksumErrors()) {
                return -1;
            }
            sum += after.udp().inChecksumErrors() - before.udp().inChecksumErrors();
            known = true;
        }
        return known ? sum : -1;
    }

    /**
     * Retransmissions as a share of every segment put on the wire (OutSegs counts only new data, so
     * the wire saw OutSegs + RetransSegs); empty when unknown or nothing was sent.
     */
    public Optional<Double> tcpRetransmissionRatio() {
        if (tcpOutSegments < 0 || tcpRetransmissions < 0 || tcpOutSegments + tcpRetransmissions == 0) {
            return Optional.empty();
        }
        return Optional.of((double) tcpRetransmissions / (tcpOutSegments + tcpRetransmissions));
    }

    /** Segments put on the wire in the interval: new ones and retransmissions. */
    public long tcpSegmentsSent() {
        return tcpOutSegments + tcpRetransmissions;
    }

    private static Optional<InterfaceRates> rates(Map<String, Long> then, Map<String, Long> now, double seconds,
                                                  Map<String, Long> statisticsThen, Map<String, Long> statisticsNow) {
        String[] names = {"rx_packets", "rx_bytes", "tx_packets", "tx_bytes", "rx_dropped", "rx_errors"};
        double[] perSecond = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            Long a = then.get(names[i]);
            Long b = now.get(names[i]);
            if (a == null || b == null || b < a) {
                return Optional.empty();
            }
            perSecond[i] = (b - a) / seconds;
        }
        Map<String, Double> statistics = new TreeMap<>();
        statisticsNow.forEach((statistic, b) -> {
            Long a = statisticsThen.get(statistic);
            if (a != null && b >= a) {
                statistics.put(statistic, (b - a) / seconds);
            }
        });
        return Optional.of(new InterfaceRates(perSecond[0], perSecond[1], perSecond[2], perSecond[3], perSecond[4], perSecond[5],
                statistics));
    }
}
