package io.offloadctl.model.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.offloadctl.model.KernelFeatureNames;
import io.offloadctl.model.LegacyFlags;

/** Each rendered artifact parses as what it claims to be and says exactly what the plan says. */
class PersistRendererTest {

    static Map<String, Boolean> tsoAndGroOff() {
        Map<String, Boolean> features = new LinkedHashMap<>();
        KernelFeatureNames.all().stream().filter(LegacyFlags.named("tso").orElseThrow()::matches).forEach(n -> features.put(n, false));
        features.put("rx-gro", false);
        features.put("tx-scatter-gather", true);
        return features;
    }

    static final PersistPlan PLAN = new PersistPlan("bnxt-ports", Map.of("role", "hypervisor"), List.of(
            new PersistPlan.Item(PersistTarget.named("eno1"), tsoAndGroOff()),
            new PersistPlan.Item(PersistTarget.matching("ens*", List.of("bnxt_en", "ixgbe")), Map.of("rx-gro", false))));

    static String render(PersistFormat format) {
        PersistCommands tool = format == PersistFormat.HARVESTER_CLOUDINIT
                ? PersistCommands.ethtool(PersistCommands.DEFAULT_ETHTOOL)
                : PersistCommands.offloadctl(PersistCommands.DEFAULT_OFFLOADCTL);
        return PersistRenderer.of(format, tool).render(PLAN);
    }

    @Test
    void groupsAreWrittenAsLegacyNames() {
        assertEquals("tso off gro off tx-scatter-gather on", LegacyCompaction.arguments(tsoAndGroOff()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void harvesterCloudInitIsAValidResourceWhoseContentsRunInTheNetworkStage() {
        Map<String, Object> resource = new Yaml().load(render(PersistFormat.HARVESTER_CLOUDINIT));
        assertEquals("node.harvesterhci.io/v1beta1", resource.get("apiVersion"));
        assertEquals("CloudInit", resource.get("kind"));
        Map<String, Object> spec = (Map<String, Object>) resource.get("spec");
        assertEquals(Map.of("role", "hypervisor"), spec.get("matchSelector"));
        assertTrue(((String) spec.get("filename")).endsWith(".yaml"));
        Map<String, Object> contents = new Yaml().load((String) spec.get("contents"));
        List<Map<String, Object>> network = (List<Map<String, Object>>) ((Map<String, Object>) contents.get("stages")).get("network");
        List<String> commands = (List<String>) network.get(0).get("commands");
        assertEquals("/usr/sbin/ethtool -K eno1 tso off gro off tx-scatter-gather on", commands.get(0));
        assertTrue(commands.get(1).startsWith("for dev in /sys/class/net/ens*; do"), commands.get(1));
        assertTrue(commands.get(1).contains("bnxt_en|ixgbe) ;;"), commands.get(1));
    }

    @Test
    void systemdUnitParsesAndRunsEveryCommand() {
        Map<String, Map<String, List<String>>> unit = parseIni(render(PersistFormat.SYSTEMD));
        assertEquals(List.of("oneshot"), unit.get("Service").get("Type"));
        assertEquals(List.of("network-pre.target"), unit.get("Unit").get("Before"));
        assertEquals(List.of("multi-user.target"), unit.get("Install").get("WantedBy"));
        List<String> exec = unit.get("Service").get("ExecStart");
        assertEquals("/usr/local/bin/offloadctl set eno1 tso off gro off tx-scatter-gather on", exec.get(0));
        assertTrue(exec.get(1).startsWith("/bin/sh -c 'for dev in"), exec.get(1));
        assertTrue(exec.get(1).contains("\"$${dev##*/}\""), "systemd would expand a single $: " + exec.get(1));
    }

    @Test
    void networkdLinkUsesOnlyItsOwnKeysAndSaysWhatItCannotExpress() {
        String link = render(PersistFormat.NETWORKD);
        Map<String, Map<String, List<String>>> first = parseIni(link.split("\n\n# /etc")[0]);
        assertEquals(List.of("eno1"), first.get("Match").get("OriginalName"));
        assertEquals(List.of("no"), first.get("Link").get("GenericReceiveOffload"));
        assertEquals(List.of("no"), first.get("Link").get("TCPSegmentationOffload"));
        assertEquals(List.of("no"), first.get("Link").get("TCP6SegmentationOffload"));
        assertTrue(link.contains("# cannot be expressed in a .link file (use the systemd or udev form): "
                + "tx-scatter-gather tx-tcp-accecn-segmentation tx-tcp-ecn-segmentation tx-tcp-mangleid-segmentation\n"), link);
        assertTrue(link.contains("Driver=bnxt_en ixgbe\n"), link);
    }

    @Test
    void udevRulesMatchAddEventsAndSubstituteTheKernelName() {
        List<String> rules = render(PersistFormat.UDEV).lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(3, rules.size(), "one rule for eno1, one per driver for ens*");
        assertEquals("ACTION==\"add\", SUBSYSTEM==\"net\", KERNEL==\"eno1\", RUN+=\"/usr/local/bin/offloadctl set %k tso off "
                + "gro off tx-scatter-gather on\"", rules.get(0));
        assertTrue(rules.get(2).contains("DRIVERS==\"ixgbe\""), rules.get(2));
    }

    @Test
    void shellFormsAreValidPosixSh() throws Exception {
        for (PersistFormat format : List.of(PersistFormat.SHELL, PersistFormat.NETWORKMANAGER)) {
            Path script = Files.createTempFile("offloadctl-persist", ".sh");
            try {
                Files.writeString(script, render(format));
                Process sh = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
                assertTrue(sh.waitFor(10, TimeUnit.SECONDS));
                assertEquals(0, sh.exitValue(), format + ": " + new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(script);
            }
        }
        String nm = render(PersistFormat.NETWORKMANAGER);
        assertTrue(nm.contains("ethtool.feature-gro off"), nm);
        assertTrue(nm.contains("# NetworkManager has no property for: tx-tcp-accecn-segmentation"), nm);
    }

    /** systemd's unit syntax: [Section] headers, Key=Value lines, # comments; keys may repeat. */
    static Map<String, Map<String, List<String>>> parseIni(String text) {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String line : text.lines().toList()) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[") && l.endsWith("]")) {
                current = sections.computeIfAbsent(l.substring(1, l.length() - 1), k -> new LinkedHashMap<>());
                continue;
            }
            int eq = l.indexOf('=');
            if (current == null || eq <= 0) {
                throw new AssertionError("not unit syntax: " + line);
            }
            current.computeIfAbsent(l.substring(0, eq), k -> new ArrayList<>()).add(l.substring(eq + 1));
        }
        return sections;
    }

}
