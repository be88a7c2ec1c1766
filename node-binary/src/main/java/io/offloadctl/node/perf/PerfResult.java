package io.offloadctl.node.perf;

import java.util.List;

/**
 * What offloadctl perf client prints with --json: throughput as the receiving side measured it,
 * the sender's TCP retransmissions when the sender is this side (TCP_INFO), and this side's CPU.
 */
public record PerfResult(String peer, int port, String direction, int streams, double seconds, long bytes,
                         double bitsPerSecond, Long retransmissions, Double cpuPercent, List<StreamResult> perStream) {

    static PerfResult of(String peer, int port, boolean reverse, List<StreamResult> streams, Double cpuPercent) {
        long bytes = streams.stream().mapToLong(StreamResult::bytes).sum();
        long nanos = streams.stream().mapToLong(StreamResult::nanos).max().orElse(0);
        double bits = streams.stream().mapToDouble(StreamResult::bitsPerSecond).sum();
        Long retransmissions = reverse ? null : streams.stream().mapToLong(StreamResult::retransmissions).sum();
        return new PerfResult(peer, port, reverse ? "receive" : "send", streams.size(), nanos / 1e9, bytes, bits,
                retransmissions, cpuPercent, streams);
    }
}
