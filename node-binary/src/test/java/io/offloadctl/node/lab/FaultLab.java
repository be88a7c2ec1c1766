package io.offloadctl.node.lab;

import io.offloadctl.node.kernel.NetworkNamespace;
import io.offloadctl.node.perf.PerfServer;
import io.offloadctl.node.perf.PerfSockets;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault lab of bench/fault-lab.sh (the same script people run): a sender namespace and a
 * receiver namespace over veth, the receiver optionally dropping every frame above 1500 bytes;
 * plus an offloadctl perf server in the receiver. Everything goes away on close.
 */
final class FaultLab implements AutoCloseable {

    static final Path SCRIPT = Path.of("..", "bench", "fault-lab.sh");
    static final String RECEIVER_ADDRESS = "198.18.0.2";
    static final int PORT = 5210;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final String name;
    final TestNamespace sender;
    final TestNamespace receiver;
    private final PerfServer server;

    private FaultLab(String name, TestNamespace sender, TestNamespace receiver, PerfServer server) {
        this.name = name;
        this.sender = sender;
        this.receiver = receiver;
        this.server = server;
    }

    static FaultLab start(boolean broken) {
        String name = "ofl" + (ProcessHandle.current().pid() % 100_000) + "x" + COUNTER.incrementAndGet();
        TestNamespace sender = TestNamespace.adopt(name + "-tx");
        TestNamespace receiver = TestNamespace.adopt(name + "-rx");
        try {
            Shell.run(broken ? new String[] {"sh", SCRIPT.toString(), "up", name, "--broken"}
                    : new String[] {"sh", SCRIPT.toString(), "up", name}).orFail();
            PerfServer server = new PerfServer(PerfSockets.in(NetworkNamespace.resolve(receiver.name())),
                    new byte[] {0, 0, 0, 0}, PORT, log -> { });
            Thread.ofPlatform().daemon().name("fault-lab-perf-server").start(server::serve);
            return new FaultLab(name, sender, receiver, server);
        } catch (RuntimeException e) {
            sender.close();
            receiver.close();
            throw e;
        }
    }

    /** The sender's end of the veth pair. */
    String senderInterface() {
        return name + "-a";
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            sender.close();
            receiver.close();
        }
    }
}
