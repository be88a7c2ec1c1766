package io.offloadctl.node.ffi;

import java.lang.ref.Reference;

import jnr.ffi.Pointer;
import jnr.ffi.Struct;

/**
 * An AF_INET datagram socket used only as a handle for interface ioctls. The kernel looks the
 * interface up in the network namespace the socket was created in, whatever thread calls later.
 * Every ethtool request goes through {@link #ethtool}.
 */
public final class EthtoolSocket implements AutoCloseable {

    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;

    private final int fd;

    private EthtoolSocket(int fd) {
        this.fd = fd;
    }

    /** Opens a socket in the network namespace of the calling thread. */
    public static EthtoolSocket open() {
        return new EthtoolSocket((int) Native.check(Native.libc().socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0),
                "socket(AF_INET)", null));
    }

    /**
     * {@code ioctl(fd, SIOCETHTOOL, &ifreq)} with {@code ifr_data = data}. {@code data} must be
     * direct memory starting with the command word. Returns the ioctl's non-negative result.
     */
    public int ethtool(String interfaceName, int cmd, Pointer data) {
        IfReq request = newRequest(interfaceName);
        request.ifr_ifru.ifru_data.set(data);
        try {
            long result = Native.libc().ioctl(fd, EthtoolCmd.SIOCETHTOOL, Struct.getMemory(request));
            return (int) Native.check(result, "SIOCETHTOOL " + EthtoolCmd.name(cmd), interfaceName);
        } finally {
            Reference.reachabilityFence(data);
            Reference.reachabilityFence(request);
        }
    }

    /** {@code ioctl(fd, SIOCGIFMTU, &ifreq)}: the interface's MTU. */
    public int mtu(String interfaceName) {
        IfReq request = newRequest(interfaceName);
        try {
            Native.check(Native.libc().ioctl(fd, EthtoolCmd.SIOCGIFMTU, Struct.getMemory(request)),
                    "SIOCGIFMTU", interfaceName);
            return request.ifr_ifru.ifru_mtu.get();
        } finally {
            Reference.reachabilityFence(request);
        }
    }

    private static IfReq newRequest(String interfaceName) {
        if (interfaceName.isEmpty() || interfaceName.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                >= IfReq.IFNAMSIZ) {
            throw new IllegalArgumentException("interface name must be 1 to 15 bytes: '" + interfaceName + "'");
        }
        IfReq request = new IfReq(Native.runtime());
        request.useMemory(Native.allocateDirect(Struct.size(request)));
        request.ifr_name.set(interfaceName);
        return request;
    }

    @Override
    public void close() {
        Native.libc().close(fd);
    }
}
