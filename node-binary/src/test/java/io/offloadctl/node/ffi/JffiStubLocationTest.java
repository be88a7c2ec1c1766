package io.offloadctl.node.ffi;

import io.offloadctl.node.testing.CliRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jffi's stub goes to offloadctl's runtime directory, so an unusable /tmp does not stop offloadctl. */
@Tag("ffi")
class JffiStubLocationTest {

    @Test
    void showWorksWhenTheTemporaryDirectoryIsUnusable() throws Exception {
        Path base = Files.createTempDirectory("offloadctl-runtime");
        Path runtime = base.resolve("rt");
        try {
            List<String> command = new ArrayList<>(CliRun.command("-Djava.io.tmpdir=/nonexistent/tmp"));
            command.addAll(List.of("show", "lo"));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("OFFLOADCTL_RUNTIME_DIR", runtime.toString());
            builder.environment().remove("JFFI_EXTRACT_DIR");
            builder.redirectErrorStream(true);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("Features for lo:\n"), output);
            Path binary = CliRun.binary();
            if (binary != null && Files.isRegularFile(binary.resolveSibling("lib").resolve("libjffi-1.2.so"))) {
                // the native image with the stub beside it (link.sh) loads it from there and writes nothing
                assertFalse(Files.exists(runtime), "nothing extracted into " + runtime);
            } else {
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime)));
            }
        } finally {
            try (var files = Files.walk(base)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
