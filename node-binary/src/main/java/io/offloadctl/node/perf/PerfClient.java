package io.offloadctl.node.perf;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.node.ffi.TcpSocket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The measuring end of offloadctl perf: opens the streams, sends (or with reverse receives) for
 * the duration, and collects what the receiving side counted. Every wait is bounded: a path that
 * drops everything ends the test on time, with the figures it has.
 */
public final class PerfClient {

    private static final long CONNECT_AND_IO_TIMEOUT_MILLIS = 200;

    private final Supplier<TcpSocket> sockets;

    public PerfClient(Supplier<TcpSocket> sockets) {
        this.sockets = sockets;
    }

    /** @param progress called about once a second with the bits/s of the last second; may be null */
    public PerfResult run(String peerName, byte[] peer, int port, int streams, Duration duration, boolean reverse,
                          Consumer<Double> progress) {
        if (streams < 1 || streams > 128) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--streams must be 1 to 128, not " + streams);
        }
        long millis = duration.toMillis();
        if (millis < 100 || millis > 3_600_000) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "--duration must be between 100ms and 1h");
        }
        List<TcpSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < streams; i++) {
                TcpSocket socket = sockets.get();
                open.add(socket);
                socket.timeouts(5_000);
                socket.connect(peer, port);
                socket.timeouts(CONNECT_AND_IO_TIMEOUT_MILLIS);
            }
            AtomicLong moved = new AtomicLong();
            long cpuBefore = ProcessCpu.nanos();
            long start = System.nanoTime();
            List<CompletableFuture<StreamResult>> running = new ArrayList<>();
            for (TcpSocket socket : open) {
                CompletableFuture<StreamResult> result = new CompletableFuture<>();
                Thread.ofPlatform().daemon().name("offloadctl-perf-client").start(() -> {
                    try {
                        result.complete(stream(socket, millis, reverse, moved));
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                });
                running.add(result);
            }
            report(running, moved, progress);
            List<StreamResult> results = new ArrayList<>();
            for (CompletableFuture<StreamResult> result : running) {
                results.add(result.get());
            }
            Double cpu = ProcessCpu.percent(cpuBefore, ProcessCpu.nanos(), System.nanoTime() - start);
            return PerfResult.of(peerName, port, reverse, results, cpu);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new OffloadException(ErrorKind.KERNEL, e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OffloadException(ErrorKind.KERNEL, "interrupted", e);
        } finally {
            open.forEach(TcpSocket::abort);
        }
    }

    private static StreamResult stream(TcpSocket socket, long millis, boolean reverse, AtomicLong moved) {
        PerfProtocol.writeHeader(socket, new PerfProtocol.Header(
                reverse ? PerfProtocol.Direction.SERVER_SENDS : PerfProtocol.Direction.CLIENT_SENDS, millis));
        if (reverse) {
            return StreamTransfer.receive(socket, millis, moved);
        }
        StreamResult sent = StreamTransfer.send(socket, millis, moved);
        PerfProtocol.Trailer received = PerfProtocol.readTrailer(socket);
        return new StreamResult(received.bytes(), received.nanos(), sent.retransmissions());
    }

    private static void report(List<CompletableFuture<StreamResult>> running, AtomicLong moved, Consumer<Double> progress) {
        CompletableFuture<Void> all = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
        long last = 0;
        long lastTime = System.nanoTime();
        while (!all.isDone()) {
            try {
                all.get(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException tick) {
                long now = System.nanoTime();
                long total = moved.get();
                if (progress != null) {
                    progress.accept((total - last) * 8e9 / (now - lastTime));
                }
                last = total;
                lastTime = now;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException failed) {
                return;
            }
        }
    }
}
