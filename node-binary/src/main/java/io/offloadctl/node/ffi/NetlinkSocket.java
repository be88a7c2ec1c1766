package io.offloadctl.node.ffi;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import jnr.ffi.Pointer;

/**
 * An AF_NETLINK socket: NETLINK_ROUTE for rtnetlink requests, NETLINK_GENERIC for the ethtool
 * family. Like every socket it belongs to the network namespace of the thread that created it.
 */
public final class NetlinkSocket implements AutoCloseable {

    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int NETLINK_ROUTE = 0;
    private static final int NETLINK_GENERIC = 16;
    private static final int SOL_NETLINK = 270;
    /** Ask for the kernel's extended acknowledgements: errors come with a message (extack), as ethtool prints them. */
    private static final int NETLINK_EXT_ACK = 11;
    private static final int RECEIVE_BUFFER = 64 * 1024;
    private static final int SUBSCRIBED_RECEIVE_BUFFER = 1024 * 1024;
    private static final int SOCKADDR_NL_SIZE = 12;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVBUF = 8;

    private final int fd;
    private final Pointer receiveBuffer = Native.allocateDirect(RECEIVE_BUFFER);

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /** Opens an rtnetlink socket in the network namespace of the calling thread. */
    public static NetlinkSocket open() {
        return new NetlinkSocket((int) Native.check(
                Native.libc().socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE), "socket(AF_NETLINK)", null));
    }

    /** Opens a generic netlink socket in the calling thread's namespace, with extended acknowledgements asked for. */
    public static NetlinkSocket openGeneric() {
        NetlinkSocket socket = new NetlinkSocket((int) Native.check(
                Native.libc().socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC), "socket(AF_NETLINK, NETLINK_GENERIC)", null));
        Pointer on = Native.allocateDirect(4);
        on.putInt(0, 1);
        try {
            Native.libc().setsockopt(socket.fd, SOL_NETLINK, NETLINK_EXT_ACK, on, 4);
            return socket;
        } finally {
            Reference.reachabilityFence(on);
        }
    }

    /**
     * Opens a socket in the calling thread's namespace that receives the notifications of the
     * multicast {@code groups} (RTMGRP_* bits): bind(2) with a sockaddr_nl {family u16, pad u16,
     * pid u32 (0: the kernel assigns one), groups u32}, after a larger receive buffer (a burst of
     * notifications that overflows it is lost, and {@link #receive()} says so with ENOBUFS).
     */
    public static NetlinkSocket openSubscribed(int groups) {
        NetlinkSocket socket = open();
        Pointer size = Native.allocateDirect(4);
        size.putInt(0, SUBSCRIBED_RECEIVE_BUFFER);
        Pointer address = Native.allocateDirect(SOCKADDR_NL_SIZE);
        address.putShort(0, (short) AF_NETLINK);
        address.putInt(8, groups);
        try {
            Native.libc().setsockopt(socket.fd, SOL_SOCKET, SO_RCVBUF, size, 4);
            Native.check(Native.libc().bind(socket.fd, address, SOCKADDR_NL_SIZE), "bind(netlink groups " + groups + ")", null);
            return socket;
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        } finally {
            Reference.reachabilityFence(size);
            Reference.reachabilityFence(address);
        }
    }

    /** Sends one request to the kernel. */
    public void send(ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.duplicate().get(bytes);
        Pointer buffer = Native.allocateDirect(bytes.length);
        buffer.put(0, bytes, 0, bytes.length);
        try {
            Native.check(Native.libc().send(fd, buffer, bytes.length, 0), "send(netlink)", null);
        } finally {
            Reference.reachabilityFence(buffer);
        }
    }

    /** Receives one datagram, which may hold several netlink messages, as a little-endian buffer. */
    public ByteBuffer receive() {
        long length = Native.check(Native.libc().recv(fd, receiveBuffer, RECEIVE_BUFFER, 0), "recv(netlink)", null);
        byte[] bytes = new byte[(int) length];
        receiveBuffer.get(0, bytes, 0, bytes.length);
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    }

    @Override
    public void close() {
        Native.libc().close(fd);
    }
}
