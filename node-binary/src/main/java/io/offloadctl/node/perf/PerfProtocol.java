package io.offloadctl.node.perf;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.node.ffi.Native;
import io.offloadctl.node.ffi.TcpSocket;
import jnr.ffi.Pointer;

import java.nio.charset.StandardCharsets;

/**
 * The few bytes the perf client and server exchange around the data on each stream. The client
 * opens with a header (magic, version, direction, duration); when the client sends, the server
 * answers the end of the data with a trailer: bytes received and the nanoseconds from first byte
 * to end. Integers are little-endian, as the memory they are built in.
 */
final class PerfProtocol {

    static final byte[] MAGIC = "OFLDPERF".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_SIZE = 24;
    static final int TRAILER_SIZE = 16;
    /** How long one exchange of header or trailer may take, at most. */
    private static final long EXCHANGE_NANOS = 5_000_000_000L;

    /** Who sends the data: the client (forward) or the server (--reverse). */
    enum Direction { CLIENT_SENDS, SERVER_SENDS }

    record Header(Direction direction, long durationMillis) {
    }

    record Trailer(long bytes, long nanos) {
    }

    private PerfProtocol() {
    }

    static void writeHeader(TcpSocket socket, Header header) {
        Pointer buffer = Native.allocateDirect(HEADER_SIZE);
        buffer.put(0, MAGIC, 0, MAGIC.length);
        buffer.putInt(8, VERSION);
        buffer.putInt(12, header.direction().ordinal());
        buffer.putLong(16, header.durationMillis());
        sendAll(socket, buffer, HEADER_SIZE);
    }

    static Header readHeader(TcpSocket socket) {
        Pointer buffer = Native.allocateDirect(HEADER_SIZE);
        receiveAll(socket, buffer, HEADER_SIZE, "header");
        byte[] magic = new byte[MAGIC.length];
        buffer.get(0, magic, 0, magic.length);
        if (!java.util.Arrays.equals(magic, MAGIC) || buffer.getInt(8) != VERSION) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "not an offloadctl perf client (or another version)");
        }
        int direction = buffer.getInt(12);
        long duration = buffer.getLong(16);
        if (direction < 0 || direction > 1 || duration <= 0 || duration > 3_600_000) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "bad perf header: direction " + direction + ", " + duration + " ms");
        }
        return new Header(Direction.values()[direction], duration);
    }

    static void writeTrailer(TcpSocket socket, Trailer trailer) {
        Pointer buffer = Native.allocateDirect(TRAILER_SIZE);
        buffer.putLong(0, trailer.bytes());
        buffer.putLong(8, trailer.nanos());
        sendAll(socket, buffer, TRAILER_SIZE);
    }

    static Trailer readTrailer(TcpSocket socket) {
        Pointer buffer = Native.allocateDirect(TRAILER_SIZE);
        receiveAll(socket, buffer, TRAILER_SIZE, "result");
        return new Trailer(buffer.getLong(0), buffer.getLong(8));
    }

    private static void sendAll(TcpSocket socket, Pointer buffer, int size) {
        int done = 0;
        long end = System.nanoTime() + EXCHANGE_NANOS;
        while (done < size) {
            long sent = socket.send(buffer.slice(done), size - done);
            if (sent > 0) {
                done += (int) sent;
            } else if (System.nanoTime() > end) {
                throw new OffloadException(ErrorKind.KERNEL, "the peer took nothing for 5 s");
            }
        }
    }

    private static void receiveAll(TcpSocket socket, Pointer buffer, int size, String what) {
        int done = 0;
        long end = System.nanoTime() + EXCHANGE_NANOS;
        while (done < size) {
            long got = socket.receive(buffer.slice(done), size - done);
            if (got == 0) {
                throw new OffloadException(ErrorKind.KERNEL, "the peer closed before the " + what);
            }
            if (got > 0) {
                done += (int) got;
            } else if (System.nanoTime() > end) {
                throw new OffloadException(ErrorKind.KERNEL, "no " + what + " from the peer within 5 s");
            }
        }
    }
}
