package io.offloadctl.node.kernel;

import io.offloadctl.model.report.TcpCounters;
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
public record NodeNetworkFacts(Boolean ipForwarding, TcpCounters tcp) {

    static final String IP_FORWARD = "/proc/sys/net/ipv4/ip_forward";
    static final String SNMP = "/proc/thread-self/net/snmp";

    public static NodeNetworkFacts read(NetworkNamespace namespace) {
        return namespace.isCurrent() ? readHere() : NamespaceEntry.callInside(namespace.file().toString(), NodeNetworkFacts::readHere);
    }

    private static NodeNetworkFacts readHere() {
        String forward = readOrNull(IP_FORWARD);
        String snmp = readOrNull(SNMP);
        return new NodeNetworkFacts(forward == null ? null : forward.strip().equals("1"), snmp == null ? null : tcpCounters(snmp));
    }

    /** The OutSegs and RetransSegs columns of the two Tcp: lines (names, then values) of /proc/net/snmp. */
    static TcpCounters tcpCounters(String snmp) {
        String[] names = null;
        for (String line : snmp.split("\n")) {
            if (!line.startsWith("Tcp:")) {
                continue;
            }
            String[] fields = line.substring(4).trim().split("\\s+");
            if (names == null) {
                names = fields;
                continue;
            }
            long out = -1;
            long retrans = -1;
            for (int i = 0; i < names.length && i < fields.length; i++) {
                if (names[i].equals("OutSegs")) {
                    out = Long.parseLong(fields[i]);
                } else if (names[i].equals("RetransSegs")) {
                    retrans = Long.parseLong(fields[i]);
                }
            }
            return out < 0 || retrans < 0 ? null : new TcpCounters(out, retrans);
        }
        return null;
    }

    private static String readOrNull(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
