package io.offloadctl.model.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The node's TCP segment counters, as the Tcp: lines of /proc/net/snmp have them (since boot). */
@Schema(description = "TCP segment counters of the node's network namespace since boot (/proc/net/snmp).")
public record TcpCounters(
        @Schema(description = "Segments sent (OutSegs), retransmissions excluded.", examples = "1839201") long outSegments,
        @Schema(description = "Segments retransmitted (RetransSegs).", examples = "1203") long retransmittedSegments,
        @Schema(nullable = true, description = "Segments received with a bad checksum (InCsumErrors); null when unknown.",
                examples = "0") Long inChecksumErrors) {

    public TcpCounters(long outSegments, long retransmittedSegments) {
        this(outSegments, retransmittedSegments, null);
    }
}
