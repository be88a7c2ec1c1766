package io.offloadctl.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.offloadctl.model.policy.DesiredFeature;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.PolicyMode;
import io.offloadctl.node.agent.CachedDesired;
import io.offloadctl.node.agent.DesiredCache;
import io.offloadctl.node.testing.CliRun;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** offloadctl persist: the artifacts parse, say what they cannot express, and the shell form really applies. */
@Tag("ffi")
class PersistCommandTest {

    @Test
    @SuppressWarnings("unchecked")
    void harvesterCloudInitRunsTheChangeInTheNetworkStage() {
        Shell.Result result = CliRun.run("persist", "--format", "harvester-cloudinit", "eno1", "gro", "off", "gso", "off");
        assertEquals(0, result.exitCode(), result.toString());
        Map<String, Object> resource = new Yaml().load(result.out());
        assertEquals("node.harvesterhci.io/v1beta1", resource.get("apiVersion"));
        assertEquals("CloudInit", resource.get("kind"));
        Map<String, Object> spec = (Map<String, Object>) resource.get("spec");
        assertEquals(Map.of(), spec.get("matchSelector"));
        assertTrue(((String) spec.get("filename")).endsWith(".yaml"), spec.toString());
        Map<String, Object> contents = new Yaml().load((String) spec.get("contents"));
        List<Map<String, Object>> network = (List<Map<String, Object>>) ((Map<String, Object>) contents.get("stages")).get("network");
        assertEquals(List.of("/usr/sbin/ethtool -K eno1 gso off gro off"), network.get(0).get("commands"));
    }

    @Test
    void channelsArePersistedBesideFeaturesOrAlone() {
        Shell.Result both = CliRun.run("persist", "--format", "udev", "eno1", "gro", "off", "--channel", "rx=2", "--channel", "tx=2");
        assertEquals(0, both.exitCode(), both.toString());
        assertTrue(both.out().contains("RUN+=\"/usr/local/bin/offloadctl set %k gro off\", RUN+=\"/usr/local/bin/offloadctl channels %k rx 2 tx 2\""),
                both.out());
        Shell.Result alone = CliRun.run("persist", "--format", "networkd", "eno1", "--channel", "combined=8");
        assertEquals(0, alone.exitCode(), alone.toString());
        assertTrue(alone.out().contains("CombinedChannels=8\n"), alone.out());
        Shell.Result negative = CliRun.run("persist", "--format", "shell", "eno1", "--channel", "rx=-1");
        assertEquals(1, negative.exitCode(), negative.toString());
        assertTrue(negative.err().contains("a channel count is 0 to 65535"), negative.err());
        Shell.Result badKind = CliRun.run("persist", "--format", "shell", "eno1", "--channel", "rxx=1");
        assertTrue(badKind.exitCode() != 0 && badKind.err().contains("rxx"), badKind.toString());
    }

    @Test
    void limitsRingsAndCoalescingArePersistedAsTheirVerbsTakeThem() {
        Shell.Result all = CliRun.run("persist", "--format", "shell", "eno1", "--limit", "gso_max_size=32768", "--ring", "rx=4096",
                "--ring", "tx-push=off", "--coalesce", "rx-usecs=50", "--coalesce", "adaptive-rx=on");
        assertEquals(0, all.exitCode(), all.toString());
        assertTrue(all.out().contains("/usr/local/bin/offloadctl limits eno1 gso_max_size 32768 || status=1\n"), all.out());
        assertTrue(all.out().contains("/usr/local/bin/offloadctl rings eno1 rx 4096 tx-push off || status=1\n"), all.out());
        assertTrue(all.out().contains("/usr/local/bin/offloadctl coalesce eno1 rx-usecs 50 adaptive-rx on || status=1\n"), all.out());
        Shell.Result ethtool = CliRun.run("persist", "--format", "harvester-cloudinit", "eno1", "--ring", "rx=4096",
                "--coalesce", "rx-frames=8");
        assertTrue(ethtool.out().contains("ethtool -G eno1 rx 4096") && ethtool.out().contains("ethtool -C eno1 rx-frames 8"), ethtool.out());
        Shell.Result networkd = CliRun.run("persist", "--format", "networkd", "en*", "--ring", "tx=2048", "--coalesce", "tx-usecs=20");
        assertTrue(networkd.out().contains("TxBufferSize=2048\nTxCoalesceSec=20us\n"), networkd.out());
        for (List<String> bad : List.of(List.of("--ring", "rx-max=1"), List.of("--ring", "tx-push=maybe"),
                List.of("--coalesce", "rx-usec=1"), List.of("--limit", "tso_max_size=1"), List.of("--limit", "gso_max_size=x"))) {
            List<String> args = new java.util.ArrayList<>(List.of("persist", "--format", "shell", "eno1"));
            args.addAll(bad);
            Shell.Result refused = CliRun.run(args.toArray(String[]::new));
            assertEquals(1, refused.exitCode(), bad + ": " + refused);
            assertEquals("", refused.out(), bad.toString());
        }
        assertTrue(CliRun.run("persist", "--format", "shell", "eno1", "--coalesce", "rx-usec=1").err()
                .contains("unknown coalescing parameter 'rx-usec'; did you mean rx-usecs"));
        assertTrue(CliRun.run("persist", "--format", "shell", "eno1", "--limit", "tso_max_size=1").err()
                .contains("the driver's maximum, not a setting"));
    }

    @Test
    void networkdSaysWhatALinkFileCannotExpress() {
        Shell.Result result = CliRun.run("persist", "--format", "networkd", "--driver", "bnxt_en", "eno*", "gro", "off", "rx-gro-list", "on");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("# cannot be expressed in a .link file (use the systemd or udev form): rx-gro-list\n"), result.out());
        assertTrue(result.out().contains("[Match]\nOriginalName=eno*\nDriver=bnxt_en\n"), result.out());
        assertTrue(result.out().contains("GenericReceiveOffload=no\n"), result.out());
    }

    @Test
    void theShellFormAppliesInsideANamespaceAndTheCachedDesiredStateRenders() throws Exception {
        String offloadctl = String.join(" ", CliRun.command());
        Path script = Files.createTempFile("offloadctl-persist", ".sh");
        Path cache = Files.createTempFile("offloadctl-desired", ".json");
        try (TestNamespace lab = TestNamespace.createLab("persistcli")) {
            Shell.Result rendered = CliRun.run("persist", "--format", "shell", "--tool-path", offloadctl, "--output", script.toString(),
                    "v*", "gso", "off");
            assertEquals(0, rendered.exitCode(), rendered.toString());
            Shell.Result run = lab.exec("sh", script.toString());
            assertEquals(0, run.exitCode(), run.toString());
            for (String iface : List.of("va", "vb")) {
                assertTrue(lab.ethtoolFeatures(iface).contains("generic-segmentation-offload: off\n"), iface);
            }
            assertTrue(lab.ethtoolFeatures("br0").contains("generic-segmentation-offload: on\n"));

            new DesiredCache(cache, new ObjectMapper()).write(new CachedDesired("hv-1", 3, List.of(
                    new DesiredInterface("eno1", Map.of("rx-gro", new DesiredFeature(false, "p", PolicyMode.enforce),
                            "rx-lro", new DesiredFeature(false, "a", PolicyMode.audit))))));
            Shell.Result unit = CliRun.run("persist", "--format", "systemd", "--cached", "--cache", cache.toString());
            assertEquals(0, unit.exitCode(), unit.toString());
            assertTrue(unit.out().contains("# note: desired-state revision 3 of node hv-1\n"), unit.out());
            assertTrue(unit.out().contains("/usr/local/bin/offloadctl set eno1 gro off"), unit.out());
            assertTrue(!unit.out().contains("lro"), "audit-mode features are not persisted: " + unit.out());
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(cache);
        }
        Shell.Result bad = CliRun.run("persist", "--format", "yaml", "eno1", "gro", "off");
        assertEquals(1, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("unknown format 'yaml'; one of harvester-cloudinit, systemd, networkd"), bad.err());
    }
}
