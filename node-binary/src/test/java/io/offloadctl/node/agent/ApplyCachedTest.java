package io.offloadctl.node.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.offloadctl.model.policy.DesiredFeature;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.PolicyMode;
import io.offloadctl.node.testing.CliRun;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;

/** {@code offloadctl apply --cached}: the early-boot path, without the API. */
@Tag("ffi")
class ApplyCachedTest {

    TestNamespace lab;
    Path cache;

    @BeforeEach
    void createLab() throws Exception {
        lab = TestNamespace.createLab("apply");
        cache = Files.createTempDirectory("offloadctl-cache").resolve("desired.json");
    }

    @AfterEach
    void removeLab() throws Exception {
        lab.close();
        Files.deleteIfExists(cache);
        Files.deleteIfExists(cache.getParent());
    }

    @Test
    void appliesEnforcedFeaturesOnlyAndWritesTheCacheForItsOwnerOnly() throws Exception {
        new DesiredCache(cache, new ObjectMapper()).write(new CachedDesired("lab", 7, List.of(
                new DesiredInterface("vb", Map.of("tx-generic-segmentation", new DesiredFeature(false, "p", PolicyMode.enforce),
                        "rx-lro", new DesiredFeature(true, "p", PolicyMode.enforce))),
                new DesiredInterface("va", Map.of("tx-generic-segmentation", new DesiredFeature(false, "audit-only", PolicyMode.audit))),
                new DesiredInterface("gone0", Map.of("rx-gro", new DesiredFeature(true, "p", PolicyMode.enforce))))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));

        Shell.Result result = CliRun.run("--netns", lab.name(), "apply", "--cached", "--cache", cache.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("applied revision 7 of lab: vb tx-generic-segmentation off\n", result.out());
        assertTrue(lab.ethtoolFeatures("vb").contains("generic-segmentation-offload: off\n"));
        assertTrue(lab.ethtoolFeatures("va").contains("generic-segmentation-offload: on\n"), "audit features are not applied");

        Shell.Result again = CliRun.run("--netns", lab.name(), "apply", "--cached", "--cache", cache.toString());
        assertEquals("as desired (revision 7 of lab)\n", again.out());
    }

    @Test
    void withoutACacheItSaysSoAndChangesNothing() {
        String before = lab.ethtoolFeatures("vb");
        Shell.Result result = CliRun.run("--netns", lab.name(), "apply", "--cached", "--cache", cache.toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("no cached desired state at " + cache), result.err());
        assertEquals(before, lab.ethtoolFeatures("vb"));
    }
}
