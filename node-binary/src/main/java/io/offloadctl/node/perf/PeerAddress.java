package io.offloadctl.node.perf;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 address given as text or a host name, as the four bytes a sockaddr_in needs. */
public final class PeerAddress {

    private PeerAddress() {
    }

    public static byte[] ipv4(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address instanceof Inet4Address) {
                    return address.getAddress();
                }
            }
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "'" + host + "' has no IPv4 address (perf speaks IPv4)");
        } catch (UnknownHostException e) {
            throw new OffloadException(ErrorKind.NOT_FOUND, "unknown host '" + host + "'", e);
        }
    }
}
