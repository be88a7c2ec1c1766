package io.offloadctl.node.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.OffloadException;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;

/**
 * The one dangerous place: a thread left in the wrong namespace would send the next change to
 * another host's interfaces. Sessions must reach their own namespace and no thread may move.
 */
@Tag("ffi")
class NamespaceIsolationTest {

    static TestNamespace first;
    static TestNamespace second;

    @BeforeAll
    static void createNamespaces() {
        first = TestNamespace.create("iso-a");
        first.ip("link", "add", "only-a", "type", "veth", "peer", "name", "peer-a");
        second = TestNamespace.create("iso-b");
        second.ip("link", "add", "only-b", "type", "ifb");
    }

    @AfterAll
    static void removeNamespaces() {
        first.close();
        second.close();
    }

    private static Path threadNamespace() throws Exception {
        return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net"));
    }

    @Test
    void sessionsReachTheirOwnNamespaceAndTheCallingThreadStaysWhereItWas() throws Exception {
        Path home = threadNamespace();
        try (KernelSession a = KernelSession.open(NetworkNamespace.resolve(first.name()));
             KernelSession b = KernelSession.open(NetworkNamespace.resolve(second.file()));
             KernelSession here = KernelSession.open(NetworkNamespace.current())) {
            assertEquals(home, threadNamespace());
            List<String> inA = new InterfaceInspector(a).names();
            List<String> inB = new InterfaceInspector(b).names();
            assertTrue(inA.contains("only-a") && !inA.contains("only-b"), inA.toString());
            assertTrue(inB.contains("only-b") && !inB.contains("only-a"), inB.toString());
            assertFalse(new InterfaceInspector(here).names().contains("only-a"));

            // Interleaved use: a change through one session never lands in the other namespace.
            new FeatureWriter(a).apply("only-a", new FeatureRequest(Map.of("rx-gro", true)));
            assertTrue(first.ethtoolFeatures("only-a").contains("generic-receive-offload: on\n"));
            OffloadException missing = assertThrows(OffloadException.class, () -> new FeatureReader(b).read("only-a"));
            assertEquals(ErrorKind.NOT_FOUND, missing.kind());
            assertEquals(home, threadNamespace());
        }
    }

    @Test
    void manyConcurrentSessionsLeaveEveryThreadInItsNamespace() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                TestNamespace target = i % 2 == 0 ? first : second;
                String expected = i % 2 == 0 ? "only-a" : "only-b";
                results.add(pool.submit(() -> {
                    Path before = threadNamespace();
                    try (KernelSession session = KernelSession.open(NetworkNamespace.resolve(target.name()))) {
                        boolean sees = new InterfaceInspector(session).names().contains(expected);
                        return sees && before.equals(threadNamespace());
                    }
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedEntryLeavesTheThreadWhereItWas() throws Exception {
        Path home = threadNamespace();
        // A file that exists but is no network namespace: open works, setns fails with EINVAL.
        NetworkNamespace notANamespace = NetworkNamespace.resolve("/proc/self/ns/uts");
        assertThrows(OffloadException.class, () -> KernelSession.open(notANamespace).close());
        assertEquals(home, threadNamespace());
    }

    @Test
    void theHostInterfacesAreUntouchedByChangesInsideANamespace() {
        String hostLo = Shell.run("ethtool", "-k", "lo").orFail().out();
        try (KernelSession a = KernelSession.open(NetworkNamespace.resolve(first.name()))) {
            new FeatureWriter(a).apply("lo", new FeatureRequest(Map.of("rx-gro", false)));
        }
        assertTrue(first.ethtoolFeatures("lo").contains("generic-receive-offload: off\n"));
        assertEquals(hostLo, Shell.run("ethtool", "-k", "lo").orFail().out());
    }
}
