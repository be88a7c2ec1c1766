package io.offloadctl.node.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.offloadctl.node.ffi.IcmpEcho;
import io.offloadctl.node.ffi.NamespaceEntry;

/**
 * The IPv4 default gateway of a namespace, from its main routing table as /proc/net/route shows it
 * (read on a thread inside the namespace: /proc/thread-self/net), and whether it answers an ICMP
 * echo sent from inside that namespace. Columns: Iface, Destination, Gateway, Flags, ..., Mask;
 * addresses are hexadecimal in the kernel's (little-endian) byte order; RTF_GATEWAY is 0x2.
 */
public final class DefaultGateway {

    static final String ROUTES = "/proc/thread-self/net/route";
    private static final int RTF_GATEWAY = 0x2;

    private DefaultGateway() {
    }

    /** The default gateway's address, if the namespace has a default route through one. */
    public static Optional<byte[]> find(NetworkNamespace namespace) {
        return namespace.isCurrent() ? findHere() : NamespaceEntry.callInside(namespace.file().toString(), DefaultGateway::findHere);
    }

    /** Whether {@code gateway} answers an echo request from inside {@code namespace} within {@code timeout}. */
    public static boolean answers(NetworkNamespace namespace, byte[] gateway, Duration timeout) {
        return namespace.isCurrent() ? IcmpEcho.ping(gateway, timeout)
                : NamespaceEntry.callInside(namespace.file().toString(), () -> IcmpEcho.ping(gateway, timeout));
    }

    private static Optional<byte[]> findHere() {
        try {
            return parse(Files.readString(Path.of(ROUTES)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<byte[]> parse(String routes) {
        for (String line : routes.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 8 || fields[0].equals("Iface")) {
                continue;
            }
            try {
                int flags = Integer.parseInt(fields[3], 16);
                if (fields[1].equals("00000000") && fields[7].equals("00000000") && (flags & RTF_GATEWAY) != 0) {
                    int gateway = (int) Long.parseLong(fields[2], 16);
                    return Optional.of(new byte[] {(byte) gateway, (byte) (gateway >>> 8), (byte) (gateway >>> 16), (byte) (gateway >>> 24)});
                }
            } catch (NumberFormatException e) {
                // not a route line
            }
        }
        return Optional.empty();
    }

    /** Dotted-quad text. */
    public static String text(byte[] a) {
        return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }
}
