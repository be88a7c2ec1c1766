package io.offloadctl.node.bundle;

import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The self-contained bundle, unpacked into a fresh directory and run with no Java on PATH and no
 * JAVA_HOME: show against ethtool, set inside a test namespace, doctor; and its AOT cache in use.
 */
class BundleIT {

    static Path root;
    static Path offloadctl;
    static Path bin;
    static Path runtimeDir;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("offloadctl.test.bundle"));
        assertTrue(Files.isRegularFile(tarball), tarball + " was built by package");
        root = Files.createTempDirectory("offloadctl-bundle");
        Shell.run("tar", "-C", root.toString(), "-xzf", tarball.toString()).orFail();
        try (Stream<Path> top = Files.list(root)) {
            offloadctl = top.findFirst().orElseThrow().resolve("offloadctl");
        }
        // A PATH with only what the launcher uses: no java anywhere on it.
        bin = Files.createDirectory(root.resolve("bin"));
        for (String tool : List.of("sh", "dirname", "id", "mkdir", "gzip", "mv", "rm")) {
            String where = Shell.run("sh", "-c", "command -v " + tool).orFail().out().strip();
            Files.createSymbolicLink(bin.resolve(tool), Path.of(where));
        }
        runtimeDir = root.resolve("run");
    }

    @AfterAll
    static void remove() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static Shell.Result run(Map<String, String> extra, String... args) {
        List<String> command = new ArrayList<>(List.of("env", "-i", "PATH=" + bin, "OFFLOADCTL_RUNTIME_DIR=" + runtimeDir));
        extra.forEach((k, v) -> command.add(k + "=" + v));
        command.add(offloadctl.toString());
        command.addAll(List.of(args));
        return Shell.run(command);
    }

    @Test
    void runsWithoutJavaAndMatchesEthtool() throws Exception {
        Shell.Result noJava = Shell.run("env", "-i", "PATH=" + bin, "sh", "-c", "command -v java");
        assertNotEquals(0, noJava.exitCode(), "java must not be reachable: " + noJava);

        Shell.Result show = run(Map.of(), "show", "lo");
        assertEquals(0, show.exitCode(), show.toString());
        assertEquals(Shell.run("ethtool", "-k", "lo").orFail().out(), show.out());
        assertEquals("", show.err(), "nothing from the JVM");

        try (TestNamespace lab = TestNamespace.createLab("bundle")) {
            Shell.Result set = run(Map.of(), "--netns", lab.name(), "set", "va", "gro", "off", "gso", "off");
            assertEquals(0, set.exitCode(), set.toString());
            String features = lab.ethtoolFeatures("va");
            assertTrue(features.contains("generic-receive-offload: off\n") && features.contains("generic-segmentation-offload: off\n"),
                    features);
            Shell.Result doctor = run(Map.of(), "--netns", lab.name(), "doctor");
            assertEquals(0, doctor.exitCode(), doctor.toString());
            assertEquals("no findings: nothing known to hurt offloads here\n", doctor.out());
        }
    }

    @Test
    void theAotCacheIsExpandedOnceAndUsed() throws Exception {
        run(Map.of(), "show", "lo");
        List<Path> caches;
        try (Stream<Path> files = Files.list(runtimeDir)) {
            caches = files.filter(p -> p.toString().endsWith(".aot")).toList();
        }
        assertEquals(1, caches.size(), caches.toString());
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(runtimeDir)));
        Shell.Result traced = run(Map.of("OFFLOADCTL_JAVA_OPTIONS", "-Xlog:class+load=info:stderr"), "show", "lo");
        assertEquals(0, traced.exitCode(), traced.toString());
        long fromCache = traced.err().lines().filter(l -> l.contains("source: shared objects file")).count();
        assertTrue(fromCache > 1000, "classes mapped from the AOT cache: " + fromCache);
    }

    @Test
    void fitsTheSizeTarget() throws Exception {
        long bytes;
        try (Stream<Path> files = Files.walk(offloadctl.getParent())) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(bytes <= 60L * 1024 * 1024, "unpacked: " + bytes / (1024 * 1024) + " MB");
    }
}
