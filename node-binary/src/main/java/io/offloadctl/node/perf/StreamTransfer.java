package io.offloadctl.node.perf;

import io.offloadctl.node.ffi.Native;
import io.offloadctl.node.ffi.TcpSocket;
import jnr.ffi.Pointer;

import java.util.concurrent.atomic.AtomicLong;

/** Sending and receiving for a fixed time, shared by both ends. */
final class StreamTransfer {

    private StreamTransfer() {
    }

    /**
     * Sends for {@code durationMillis}; sends that wait longer than the socket's timeout return so the
     * clock is checked. The result counts bytes handed to the kernel and the sender's retransmissions.
     */
    static StreamResult send(TcpSocket stream, long durationMillis, AtomicLong progress) {
        Pointer buffer = Native.allocateDirect(PerfServer.BUFFER);
        for (int i = 0; i < PerfServer.BUFFER; i += 8) {
            buffer.putLong(i, 0x6f66666c6f616463L ^ i);
        }
        long start = System.nanoTime();
        long end = start + durationMillis * 1_000_000;
        long bytes = 0;
        while (System.nanoTime() < end) {
            long sent = stream.send(buffer, PerfServer.BUFFER);
            if (sent > 0) {
                bytes += sent;
                if (progress != null) {
                    progress.addAndGet(sent);
                }
            }
        }
        return new StreamResult(bytes, System.nanoTime() - start, stream.totalRetransmissions());
    }

    /** Receives for {@code durationMillis} or until the sender ends the stream. */
    static StreamResult receive(TcpSocket stream, long durationMillis, AtomicLong progress) {
        Pointer buffer = Native.allocateDirect(PerfServer.BUFFER);
        long start = System.nanoTime();
        long end = start + durationMillis * 1_000_000;
        long bytes = 0;
        while (System.nanoTime() < end) {
            long got = stream.receive(buffer, PerfServer.BUFFER);
            if (got == 0) {
                break;
            }
            if (got > 0) {
                bytes += got;
                if (progress != null) {
                    progress.addAndGet(got);
                }
            }
        }
        return new StreamResult(bytes, Math.min(System.nanoTime(), end) - start, -1);
    }
}
