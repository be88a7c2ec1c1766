package io.offloadctl.node.ffi;

import jnr.ffi.Pointer;

import java.lang.ref.Reference;

/**
 * A TCP/IPv4 socket through libc, so that it can be created inside another network namespace (on
 * the thread that entered it, like every socket offloadctl makes) and so that the kernel's own
 * TCP_INFO can be read from it. Sends and receives use direct memory, never Java arrays.
 */
public final class TcpSocket implements AutoCloseable {

    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int SO_LINGER = 13;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_SNDTIMEO = 21;
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_INFO = 11;
    private static final int SHUT_WR = 1;
    private static final int SHUT_RDWR = 2;
    static final int SOCKADDR_IN_SIZE = 16;
    /** struct tcp_info: tcpi_total_retrans is the u32 at byte 100 (after 8 bytes of u8 fields and 23 u32s). */
    private static final int TCP_INFO_SIZE = 104;
    private static final int TOTAL_RETRANS_OFFSET = 100;
    static final int EAGAIN = 11;
    static final int EINTR = 4;

    private final int fd;

    private TcpSocket(int fd) {
        this.fd = fd;
    }

    /** A new socket in the network namespace of the calling thread. */
    public static TcpSocket open() {
        return new TcpSocket((int) Native.check(Native.libc().socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), "socket(AF_INET, SOCK_STREAM)", null));
    }

    public void connect(byte[] ipv4, int port) {
        Pointer address = sockaddr(ipv4, port);
        try {
            Native.check(Native.libc().connect(fd, address, SOCKADDR_IN_SIZE), "connect(" + text(ipv4) + ":" + port + ")", null);
        } finally {
            Reference.reachabilityFence(address);
        }
    }

    public void bindAndListen(byte[] ipv4, int port, int backlog) {
        Pointer one = Native.allocateDirect(4);
        one.putInt(0, 1);
        Native.check(Native.libc().setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, one, 4), "setsockopt(SO_REUSEADDR)", null);
        Pointer address = sockaddr(ipv4, port);
        try {
            Native.check(Native.libc().bind(fd, address, SOCKADDR_IN_SIZE), "bind(" + text(ipv4) + ":" + port + ")", null);
        } finally {
            Reference.reachabilityFence(address);
            Reference.reachabilityFence(one);
        }
        Native.check(Native.libc().listen(fd, backlog), "listen", null);
    }

    /** Waits for a connection; fails with EINVAL once {@link #shutdownBoth()} was called. */
    public TcpSocket accept() {
        while (true) {
            int client = Native.libc().accept4(fd, null, null, SOCK_CLOEXEC);
            if (client >= 0) {
                return new TcpSocket(client);
            }
            if (Native.errno() != EINTR) {
                Native.check(client, "accept", null);
            }
        }
    }

    /** After this, a send or receive that waits longer than {@code millis} returns -1 (EAGAIN) instead of blocking on. */
    public void timeouts(long millis) {
        Pointer timeval = Native.allocateDirect(16);
        timeval.putLong(0, millis / 1000);
        timeval.putLong(8, (millis % 1000) * 1000);
        try {
            Native.check(Native.libc().setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeval, 16), "setsockopt(SO_RCVTIMEO)", null);
            Native.check(Native.libc().setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, timeval, 16), "setsockopt(SO_SNDTIMEO)", null);
        } finally {
            Reference.reachabilityFence(timeval);
        }
    }

    /** Bytes sent; -1 when the send timed out with nothing sent. */
    public long send(Pointer buffer, long length) {
        return transfer(Native.libc().send(fd, buffer, length, 0), "send");
    }

    /** Bytes received; 0 at the end of the stream; -1 when the receive timed out. */
    public long receive(Pointer buffer, long length) {
        return transfer(Native.libc().recv(fd, buffer, length, 0), "recv");
    }

    private static long transfer(long result, String call) {
        if (result >= 0) {
            return result;
        }
        int errno = Native.errno();
        if (errno == EAGAIN || errno == EINTR) {
            return -1;
        }
        return Native.check(result, call, null);
    }

    /** Everything this connection has retransmitted, as the kernel counts it (tcp_info.tcpi_total_retrans). */
    public long totalRetransmissions() {
        Pointer info = Native.allocateDirect(TCP_INFO_SIZE);
        Pointer length = Native.allocateDirect(4);
        length.putInt(0, TCP_INFO_SIZE);
        try {
            Native.check(Native.libc().getsockopt(fd, IPPROTO_TCP, TCP_INFO, info, length), "getsockopt(TCP_INFO)", null);
            if (length.getInt(0) < TCP_INFO_SIZE) {
                return -1;
            }
            return Integer.toUnsignedLong(info.getInt(TOTAL_RETRANS_OFFSET));
        } finally {
            Reference.reachabilityFence(info);
            Reference.reachabilityFence(length);
        }
    }

    public void shutdownWrite() {
        Native.libc().shutdown(fd, SHUT_WR);
    }

    /** Wakes a thread blocked in accept or receive on this socket. */
    public void shutdownBoth() {
        Native.libc().shutdown(fd, SHUT_RDWR);
    }

    /** Closes with a reset instead of a FIN: nothing left unsent lingers in the kernel (it may never get through). */
    public void abort() {
        Pointer linger = Native.allocateDirect(8);
        linger.putInt(0, 1);
        linger.putInt(4, 0);
        try {
            Native.libc().setsockopt(fd, SOL_SOCKET, SO_LINGER, linger, 8);
        } finally {
            Reference.reachabilityFence(linger);
        }
        close();
    }

    @Override
    public void close() {
        Native.libc().close(fd);
    }

    static Pointer sockaddr(byte[] ipv4, int port) {
        if (ipv4.length != 4) {
            throw new IllegalArgumentException("an IPv4 address has 4 bytes, not " + ipv4.length);
        }
        Pointer address = Native.allocateDirect(SOCKADDR_IN_SIZE);
        address.putShort(0, (short) AF_INET);
        address.putByte(2, (byte) (port >>> 8));
        address.putByte(3, (byte) port);
        address.put(4, ipv4, 0, 4);
        return address;
    }

    /** Dotted-quad text of an address, for messages. */
    static String text(byte[] a) {
        return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }
}
