package io.offloadctl.node.perf;

import io.offloadctl.model.OffloadException;
import io.offloadctl.node.ffi.Native;
import io.offloadctl.node.ffi.TcpSocket;
import jnr.ffi.Pointer;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The receiving (or, with --reverse, sending) end of offloadctl perf: accepts streams until
 * closed, one thread each. A stream lasts as long as its header says; the server measures what
 * arrived within that window and sends the figure back, so the client never depends on data still
 * stuck in a broken path.
 */
public final class PerfServer implements AutoCloseable {

    static final int BUFFER = 256 * 1024;
    /** How long the server waits for a stream's client to finish after the window, at most. */
    private static final long DRAIN_NANOS = 10_000_000_000L;

    private final TcpSocket listener;
    private final Consumer<StreamLog> log;

    /** What the server logs per stream. */
    public record StreamLog(String direction, long bytes, double seconds, double bitsPerSecond, Long retransmissions, String error) {
    }

    public PerfServer(Supplier<TcpSocket> sockets, byte[] bindAddress, int port, Consumer<StreamLog> log) {
        this.listener = sockets.get();
        try {
            listener.bindAndListen(bindAddress, port, 64);
        } catch (RuntimeException e) {
            listener.close();
            throw e;
        }
        this.log = log;
    }

    /** Serves until {@link #close()}; returns then. */
    public void serve() {
        while (true) {
            TcpSocket stream;
            try {
                stream = listener.accept();
            } catch (OffloadException e) {
                return;
            }
            Thread.ofPlatform().daemon().name("offloadctl-perf-stream").start(() -> handle(stream));
        }
    }

    private void handle(TcpSocket stream) {
        try (stream) {
            stream.timeouts(200);
            PerfProtocol.Header header = PerfProtocol.readHeader(stream);
            if (header.direction() == PerfProtocol.Direction.CLIENT_SENDS) {
                StreamResult received = StreamTransfer.receive(stream, header.durationMillis(), null);
                PerfProtocol.writeTrailer(stream, new PerfProtocol.Trailer(received.bytes(), received.nanos()));
                stream.shutdownWrite();
                drain(stream);
                log.accept(new StreamLog("receive", received.bytes(), received.nanos() / 1e9, received.bitsPerSecond(), null, null));
            } else {
                StreamResult sent = StreamTransfer.send(stream, header.durationMillis(), null);
                log.accept(new StreamLog("send", sent.bytes(), sent.nanos() / 1e9, sent.bitsPerSecond(), sent.retransmissions(), null));
            }
        } catch (OffloadException e) {
            log.accept(new StreamLog(null, 0, 0, 0, null, e.getMessage()));
        }
    }

    /** Reads and drops what the client still sends until it closes, for {@link #DRAIN_NANOS} at most. */
    private static void drain(TcpSocket stream) {
        Pointer buffer = Native.allocateDirect(BUFFER);
        long end = System.nanoTime() + DRAIN_NANOS;
        try {
            while (System.nanoTime() < end && stream.receive(buffer, BUFFER) != 0) {
                // dropped
            }
        } catch (OffloadException reset) {
            // the client aborted the stream: it has its figures
        }
    }

    @Override
    public void close() {
        listener.shutdownBoth();
        listener.close();
    }
}
