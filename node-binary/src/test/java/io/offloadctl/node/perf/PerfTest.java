package io.offloadctl.node.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offloadctl.node.kernel.NetworkNamespace;
import io.offloadctl.node.testing.CliRun;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** offloadctl perf over the loopback of a test namespace: the libc socket layer, TCP_INFO, the protocol. */
@Tag("ffi")
class PerfTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    TestNamespace namespace;
    PerfServer server;
    final List<PerfServer.StreamLog> served = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() {
        namespace = TestNamespace.create("perf");
        server = new PerfServer(PerfSockets.in(NetworkNamespace.resolve(namespace.name())), new byte[] {127, 0, 0, 1}, 5210, served::add);
        Thread.ofPlatform().daemon().start(server::serve);
    }

    @AfterEach
    void stop() {
        server.close();
        namespace.close();
    }

    @Test
    void sendsWithStreamsAndCountsWhatTheServerReceived() throws Exception {
        // 2 s: the progress line of the first second comes before the end, however loaded the machine is
        Shell.Result run = CliRun.run("--netns", namespace.name(), "perf", "client", "127.0.0.1", "--streams", "2",
                "--duration", "2s", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode result = JSON.readTree(run.out());
        assertEquals("send", result.get("direction").asText());
        assertEquals(2, result.get("streams").asInt());
        assertTrue(result.get("bitsPerSecond").asDouble() > 100e6, run.out());
        assertTrue(result.get("retransmissions").asLong() >= 0, "read from TCP_INFO: " + run.out());
        assertTrue(result.get("cpuPercent").asDouble() > 0, run.out());
        long perStream = 0;
        for (JsonNode stream : result.get("perStream")) {
            perStream += stream.get("bytes").asLong();
        }
        assertEquals(result.get("bytes").asLong(), perStream);
        Thread.sleep(200);
        long serverCounted = served.stream().filter(s -> "receive".equals(s.direction())).mapToLong(PerfServer.StreamLog::bytes).sum();
        assertEquals(result.get("bytes").asLong(), serverCounted, "the figure is the receiving side's");
        assertTrue(run.err().contains(" 1 s "), "progress every second on standard error: " + run.err());
    }

    @Test
    void reverseReceivesFromTheServer() throws Exception {
        Shell.Result run = CliRun.run("--netns", namespace.name(), "perf", "client", "127.0.0.1", "--reverse", "--duration", "500ms", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode result = JSON.readTree(run.out());
        assertEquals("receive", result.get("direction").asText());
        assertTrue(result.get("bytes").asLong() > 0, run.out());
        assertTrue(result.get("retransmissions").isNull(), "the sender's counter is on the other side");
    }

    @Test
    void refusalsAndBadArgumentsAreClearErrors() {
        Shell.Result closed = CliRun.run("--netns", namespace.name(), "perf", "client", "127.0.0.1", "--port", "5999", "--duration", "1s");
        assertEquals(1, closed.exitCode(), closed.toString());
        assertTrue(closed.err().contains("connect(127.0.0.1:5999)") && closed.err().contains("Connection refused"), closed.err());
        Shell.Result streams = CliRun.run("perf", "client", "127.0.0.1", "--streams", "0");
        assertEquals(1, streams.exitCode(), streams.toString());
        assertTrue(streams.err().contains("--streams must be 1 to 128"), streams.err());
        Shell.Result host = CliRun.run("perf", "client", "no-such-host.invalid", "--duration", "1s");
        assertEquals(1, host.exitCode(), host.toString());
        assertTrue(host.err().contains("unknown host 'no-such-host.invalid'"), host.err());
        assertNull(served.stream().filter(s -> s.error() == null && s.bytes() > 0).findAny().orElse(null), "nothing was measured");
    }
}
