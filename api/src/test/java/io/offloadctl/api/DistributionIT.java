package io.offloadctl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The API's distribution: one launcher, one lib/ shared by the H2 and the PostgreSQL build, the
 * database chosen by the configured URL. That each URL starts a working API is what the other ITs
 * show (FirstStartIT and AgentIT on H2, TwoInstancesIT on PostgreSQL, all through this launcher);
 * here: the layout, and a URL of an unsupported database refused without echoing its secrets.
 */
class DistributionIT {

    static final Path LAUNCHER = Path.of(System.getProperty("offloadctl.test.api"));
    static final Path HOME = LAUNCHER.getParent().getParent();

    @Test
    void bothBuildsShareOneLibraryDirectory() throws Exception {
        for (String kind : new String[] {"h2", "postgresql"}) {
            assertTrue(Files.isRegularFile(HOME.resolve(kind).resolve("quarkus-run.jar")), kind + " build present");
            assertTrue(Files.isSymbolicLink(HOME.resolve(kind).resolve("lib")), kind + "/lib is the shared lib/");
            assertEquals(HOME.resolve("lib").toRealPath(), HOME.resolve(kind).resolve("lib").toRealPath());
        }
        try (var jars = Files.list(HOME.resolve("lib").resolve("main"))) {
            assertTrue(jars.anyMatch(jar -> jar.getFileName().toString().startsWith("org.postgresql.postgresql")),
                    "the PostgreSQL driver is in the shared lib/");
        }
    }

    @Test
    void anUnsupportedDatabaseIsRefusedWithoutItsPassword() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("OFFLOADCTL_JDBC_URL", "jdbc:mysql://admin:hunter2@db.example/offloadctl");
        builder.redirectErrorStream(true);
        Process launcher = builder.start();
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, launcher.exitValue(), output);
        assertTrue(output.contains("unsupported database URL jdbc:mysql:"), output);
        assertTrue(output.contains("jdbc:postgresql://"), "says what is supported: " + output);
        assertFalse(output.contains("hunter2"), "the password is not echoed: " + output);
    }

    @Test
    void aJavaTooOldIsOneLine() throws Exception {
        java.nio.file.Path java17 = java.nio.file.Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java17.resolve("bin/java")),
                "no Java 17 on this machine");
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString());
        builder.environment().put("JAVA_HOME", java17.toString());
        builder.redirectErrorStream(true);
        Process launcher = builder.start();
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, launcher.exitValue(), output);
        assertEquals("offloadctl-api: needs Java 21 or later; " + java17 + "/bin/java is 17 (set JAVA_HOME to a JDK 21+)\n", output);
    }
}
