package io.offloadctl.node.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.offloadctl.model.persist.PersistCommands;
import io.offloadctl.model.persist.PersistFormat;
import io.offloadctl.model.persist.PersistPlan;
import io.offloadctl.model.persist.PersistRenderer;
import io.offloadctl.model.persist.PersistTarget;
import io.offloadctl.node.testing.CliRun;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;

/** A rendered shell script, run for real inside a test namespace, leaves exactly the state it describes. */
@Tag("ffi")
class RenderedScriptTest {

    TestNamespace lab;

    @BeforeEach
    void createLab() {
        lab = TestNamespace.createLab("persist");
    }

    @AfterEach
    void removeLab() {
        lab.close();
    }

    @Test
    void shellScriptAppliesNamedAndGlobbedInterfaces() throws Exception {
        String offloadctl = String.join(" ", CliRun.command());
        PersistPlan plan = new PersistPlan("lab", Map.of(), List.of(
                new PersistPlan.Item(PersistTarget.named("va"), Map.of("rx-gro", true)),
                new PersistPlan.Item(PersistTarget.matching("v*", List.of()), Map.of("tx-generic-segmentation", false))));
        Path script = Files.createTempFile("offloadctl-persist", ".sh");
        try {
            Files.writeString(script, PersistRenderer.of(PersistFormat.SHELL, PersistCommands.offloadctl(offloadctl)).render(plan));
            Shell.Result run = lab.exec("sh", script.toString());
            assertEquals(0, run.exitCode(), run.toString());
        } finally {
            Files.deleteIfExists(script);
        }
        assertTrue(lab.ethtoolFeatures("va").contains("generic-receive-offload: on\n"));
        for (String iface : List.of("va", "vb")) {
            assertTrue(lab.ethtoolFeatures(iface).contains("generic-segmentation-offload: off\n"), iface);
        }
        assertTrue(lab.ethtoolFeatures("br0").contains("generic-segmentation-offload: on\n"), "br0 does not match v*");
    }
}
