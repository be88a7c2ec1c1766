package io.offloadctl.node.kernel;

import io.offloadctl.model.report.TcpCounters;
import io.offloadctl.model.report.UdpCounters;

import java.util.Map;
import io.offloadctl.node.ffi.NamespaceEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The node-wide network facts of one namespace: whether it forwards IPv4, and its TCP segment
 * counters. Both files answer for the namespace of the thread that opens them, so for another
 * namespace they are read on the thread that entered it ({@code /proc/thread-self/net}, not
 * {@code /proc/net}, which follows the process's main thread).
 */
public record NodeNetworkFacts(Boolean ipForwarding, TcpCounters tcp, UdpCounters udp) {

    static final String IP_FORWARD = "/proc/sys/net/ipv4/ip_forward";
    static final String SNMP = "/proc/thread-self/net/snmp";

    public static NodeNetworkFacts read(NetworkNamespace namespace) {
        return namespace.isCurrent() ? readHere() : NamespaceEntry.callInside(namespace.file().toString(), NodeNetworkFacts::readHere);
    }

    private static NodeNetworkFacts readHere() {
        String forward = readOrNull(IP_FORWARD);
        String snmp = readOrNull(SNMP);
        return new NodeNetworkFacts(forward == null ? null : forward.strip().equals("1"), snmp == null ? null : tcpCounters(snmp),
                snmp == null ? null : udpCounters(snmp));
    }

    /** The OutSegs, RetransSegs and InCsumErrors columns of the two Tcp: lines (names, then values) of /proc/net/snmp. */
    static TcpCounters tcpCounters(String snmp) {
        Map<String, Long> tcp = columns(snmp, "Tcp:");
        Long out = tcp.get("OutSegs");
        Long retrans = tcp.get("RetransSegs");
        return out == null || retrans == null ? null : new TcpCounters(out, retrans, tcp.get("InCsumErrors"));
    }

    /** The InDatagrams and InCsumErrors columns of the Udp: lines. */
    static UdpCounters udpCounters(String snmp) {
        Map<String, Long> udp = columns(snmp, "Udp:");
        Long in = udp.get("InDatagrams");
        Long checksum = udp.get("InCsumErrors");
        return in == null || checksum == null ? null : new UdpCounters(in, checksum);
    }

    /** The first two lines that start with {@code prefix}, names then values, as a map (values that are no numbers left out). */
    private static Map<String, Long> columns(String snmp, String prefix) {
        String[] names = null;
        Map<String, Long> values = new java.util.HashMap<>();
        for (String line : snmp.split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            String[] fields = line.substring(prefix.length()).trim().split("\\s+");
            if (names == null) {
                names = fields;
                continue;
            }
            for (int i = 0; i < names.length && i < fields.length; i++) {
                try {
                    values.put(names[i], Long.parseLong(fields[i]));
                } catch (NumberFormatException e) {
                    // not a counter
                }
            }
            break;
        }
        return values;
    }

    private static String readOrNull(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
