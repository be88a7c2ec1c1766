package io.offloadctl.model.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The node's UDP counters, as the Udp: lines of /proc/net/snmp have them (since boot). */
@Schema(description = "UDP counters of the node's network namespace since boot (/proc/net/snmp).")
public record UdpCounters(
        @Schema(description = "Datagrams received (InDatagrams).", examples = "1839201") long inDatagrams,
        @Schema(description = "Datagrams received with a bad checksum (InCsumErrors).", examples = "0") long inChecksumErrors) {
}
