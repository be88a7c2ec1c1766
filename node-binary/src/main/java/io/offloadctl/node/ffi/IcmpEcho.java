package io.offloadctl.node.ffi;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import jnr.ffi.Pointer;

/**
 * One ICMP echo request to an IPv4 address and the wait for its reply, on a raw socket of the
 * calling thread's network namespace (CAP_NET_RAW, which an agent that changes interfaces has:
 * ping sockets would need net.ipv4.ping_group_range, which a new namespace leaves empty). Layouts
 * (RFC 792): echo {type u8 = 8, code u8 = 0, checksum u16, identifier u16, sequence u16, data}; a
 * raw socket receives the reply with its IPv4 header (IHL words of 4 bytes, source at byte 12).
 */
public final class IcmpEcho {

    private static final int AF_INET = 2;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int IPPROTO_ICMP = 1;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int ECHO_REQUEST = 8;
    private static final int ECHO_REPLY = 0;
    private static final int REQUEST_SIZE = 16;
    private static final int RECEIVE_SIZE = 1500;

    private IcmpEcho() {
    }

    /** Whether {@code ipv4} answered an echo request within {@code timeout}; failures of the calls are thrown. */
    public static boolean ping(byte[] ipv4, Duration timeout) {
        int fd = (int) Native.check(Native.libc().socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP), "socket(SOCK_RAW, ICMP)", null);
        Pointer address = TcpSocket.sockaddr(ipv4, 0);
        Pointer request = Native.allocateDirect(REQUEST_SIZE);
        Pointer reply = Native.allocateDirect(RECEIVE_SIZE);
        Pointer timeval = Native.allocateDirect(16);
        try {
            Native.check(Native.libc().connect(fd, address, TcpSocket.SOCKADDR_IN_SIZE), "connect(" + TcpSocket.text(ipv4) + ")", null);
            int identifier = ThreadLocalRandom.current().nextInt(1, 0xffff);
            int sequence = 1;
            byte[] packet = request(identifier, sequence);
            request.put(0, packet, 0, packet.length);
            Native.check(Native.libc().send(fd, request, REQUEST_SIZE, 0), "send(echo request)", null);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = (deadline - System.nanoTime()) / 1000;
                if (left <= 0) {
                    return false;
                }
                timeval.putLong(0, left / 1_000_000);
                timeval.putLong(8, Math.max(1, left % 1_000_000));
                Native.check(Native.libc().setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeval, 16), "setsockopt(SO_RCVTIMEO)", null);
                long length = Native.libc().recv(fd, reply, RECEIVE_SIZE, 0);
                if (length < 0) {
                    int errno = Native.errno();
                    if (errno == TcpSocket.EAGAIN || errno == TcpSocket.EINTR) {
                        continue;
                    }
                    Native.check(length, "recv(echo reply)", null);
                }
                byte[] bytes = new byte[(int) length];
                reply.get(0, bytes, 0, bytes.length);
                if (isReply(bytes, ipv4, identifier, sequence)) {
                    return true;
                }
            }
        } finally {
            Native.libc().close(fd);
            Reference.reachabilityFence(address);
            Reference.reachabilityFence(request);
            Reference.reachabilityFence(reply);
            Reference.reachabilityFence(timeval);
        }
    }

    static byte[] request(int identifier, int sequence) {
        byte[] packet = new byte[REQUEST_SIZE];
        packet[0] = ECHO_REQUEST;
        packet[4] = (byte) (identifier >>> 8);
        packet[5] = (byte) identifier;
        packet[6] = (byte) (sequence >>> 8);
        packet[7] = (byte) sequence;
        byte[] data = "offloadc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(data, 0, packet, 8, data.length);
        int checksum = checksum(packet);
        packet[2] = (byte) (checksum >>> 8);
        packet[3] = (byte) checksum;
        return packet;
    }

    static boolean isReply(byte[] datagram, byte[] from, int identifier, int sequence) {
        if (datagram.length < 20) {
            return false;
        }
        int header = (datagram[0] & 0x0f) * 4;
        if (datagram.length < header + 8) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (datagram[12 + i] != from[i]) {
                return false;
            }
        }
        return (datagram[header] & 0xff) == ECHO_REPLY
                && ((datagram[header + 4] & 0xff) << 8 | datagram[header + 5] & 0xff) == identifier
                && ((datagram[header + 6] & 0xff) << 8 | datagram[header + 7] & 0xff) == sequence;
    }

    /** The Internet checksum (RFC 1071): the one's complement of the one's complement sum of 16-bit words. */
    static int checksum(byte[] bytes) {
        long sum = 0;
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            sum += (bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff;
        }
        if (bytes.length % 2 == 1) {
            sum += (bytes[bytes.length - 1] & 0xff) << 8;
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
