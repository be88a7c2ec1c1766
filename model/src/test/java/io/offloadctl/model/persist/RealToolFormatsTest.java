package io.offloadctl.model.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import io.offloadctl.model.KernelFeatureNames;
import io.offloadctl.model.LegacyFlags;
import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.model.settings.RingParameter;

/**
 * The NetworkManager keyfile and TuneD formats, read by the tools that will read them on a host:
 * NetworkManager's own library (libnm's keyfile reader, Debian's 1.42, through GObject
 * introspection: src/test/python/nm_keyfile_check.py) and TuneD's own code (its profile loader, its
 * net plugin's parsers and device matchers, from Debian's tuned 2.20 package unpacked by
 * scripts/install-test-tools.sh: src/test/python/tuned_profile_check.py), with this machine's
 * {@code ethtool -k lo} as the feature list TuneD reads names from.
 */
class RealToolFormatsTest {

    static final Path PYTHON = Path.of("src/test/python");
    static final Path TUNED = Path.of(System.getProperty("offloadctl.test.tuned", "/opt/offloadctl-test/tuned"));

    /** Every member of tso and of gso, gro alone, a feature ethtool -k prints at the top (rx-gro-hw), one it prints in a group, one NetworkManager lacks. */
    static Map<String, Boolean> features() {
        Map<String, Boolean> features = new TreeMap<>();
        KernelFeatureNames.all().stream().filter(LegacyFlags.named("tso").orElseThrow()::matches).forEach(f -> features.put(f, false));
        features.put("tx-generic-segmentation", false);
        features.put("rx-gro", false);
        features.put("rx-gro-hw", false);
        features.put("tx-checksum-ipv4", false);
        features.put("hsr-fwd-offload", false);
        return features;
    }

    static PersistPlan plan() {
        PersistPlan.Item one = new PersistPlan.Item(PersistTarget.named("eno1"), features(),
                Map.of(ChannelKind.combined, 4), Map.of(LinkLimit.gso_max_size, 65536L, LinkLimit.gro_ipv4_max_size, 65536L),
                Map.of(RingParameter.rx, 4096L, RingParameter.tx_push, 1L),
                Map.of(CoalesceParameter.adaptive_rx, 0L, CoalesceParameter.rx_usecs, 50L, CoalesceParameter.cqe_mode_rx, 1L),
                Map.of(PauseParameter.autoneg, 0L, PauseParameter.rx, 1L, PauseParameter.tx, 0L));
        PersistPlan.Item ports = new PersistPlan.Item(PersistTarget.matching("eno*", List.of("bnxt_en", "ixgbe")),
                Map.of("rx-gro", false, "tx-generic-segmentation", false));
        return new PersistPlan("bnxt-ports", Map.of("role", "hypervisor"), List.of(one, ports));
    }

    @Test
    @SuppressWarnings("unchecked")
    void networkManagerReadsTheKeyfilesAsWritten(@TempDir Path dir) throws Exception {
        String rendered = PersistRenderer.of(PersistFormat.NETWORKMANAGER_KEYFILE, PersistCommands.offloadctl("/usr/local/bin/offloadctl"))
                .render(plan());
        List<Path> files = split(rendered, "# " + NetworkManagerKeyfileRenderer.DIRECTORY, dir);
        assertEquals(2, files.size(), rendered);
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", PYTHON.resolve("nm_keyfile_check.py").toString()));
        files.forEach(f -> command.add(f.toString()));
        Map<String, Map<String, Object>> read = (Map<String, Map<String, Object>>) new Yaml().load(run(command, Map.of()));

        Map<String, Object> eno1 = read.get(files.get(0).toString());
        assertEquals(true, eno1.get("verifies"), eno1.toString());
        assertEquals("eno1", eno1.get("interfaceName"));
        Map<String, Object> options = (Map<String, Object>) eno1.get("ethtool");
        assertEquals(false, options.get("feature-gro"));
        assertEquals(false, options.get("feature-gso"));
        assertEquals(false, options.get("feature-tx-tcp6-segmentation"));
        assertEquals(false, options.get("feature-rx-gro-hw"));
        assertEquals(false, options.get("feature-tx-checksum-ipv4"));
        assertEquals(4096, options.get("ring-rx"));
        assertEquals(50, options.get("coalesce-rx-usecs"));
        assertEquals(0, options.get("coalesce-adaptive-rx"));
        assertEquals(false, options.get("pause-autoneg"));
        assertEquals(true, options.get("pause-rx"));
        assertEquals(false, options.get("pause-tx"));
        // every option NetworkManager took is one offloadctl wrote, with its value; the rest it warned about
        List<String> warnings = (List<String>) eno1.get("warnings");
        String file = Files.readString(files.get(0));
        for (String warning : warnings) {
            // libnm 1.42 has no channel options (1.46) and no [link] setting (1.44): the file says they need those releases
            assertTrue(warning.equals("invalid key 'ethtool.channels-combined'") || warning.equals("invalid setting name 'link'"), warning);
        }
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(file.contains("# these need NetworkManager 1.32 or later: ethtool.pause-autoneg ethtool.pause-rx ethtool.pause-tx\n"), file);
        assertTrue(file.contains("# these need NetworkManager 1.44 or later: link.gso-max-size\n"), file);
        assertTrue(file.contains("# these need NetworkManager 1.46 or later: ethtool.channels-combined\n"), file);
        assertTrue(file.contains("# NetworkManager has no property for: hsr-fwd-offload tx-tcp-accecn-segmentation gro_ipv4_max_size rings.tx_push "
                + "coalesce.cqe_mode_rx\n"), file);

        Map<String, Object> glob = read.get(files.get(1).toString());
        assertEquals(true, glob.get("verifies"), glob.toString());
        assertEquals(List.of(), glob.get("warnings"));
        assertEquals(null, glob.get("interfaceName"));
        assertEquals(Map.of("interfaceName", List.of("eno*"), "driver", List.of("bnxt_en", "ixgbe")), glob.get("match"));
        assertEquals(3, glob.get("multiConnect"), "NM_CONNECTION_MULTI_CONNECT_MULTIPLE: every matching device at once");
        assertEquals(Map.of("feature-gro", false, "feature-gso", false), glob.get("ethtool"));
        // the same plan renders the same profiles (UUIDs included)
        assertEquals(rendered, PersistRenderer.of(PersistFormat.NETWORKMANAGER_KEYFILE, PersistCommands.offloadctl("x")).render(plan()));
    }

    /** The features libnm knows no option for are exactly the ones offloadctl says it has none for. */
    @Test
    @SuppressWarnings("unchecked")
    void theFeaturesNetworkManagerLacksAreTheOnesSaid() throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", PYTHON.resolve("nm_keyfile_check.py").toString(), "--features"));
        KernelFeatureNames.all().forEach(f -> command.add(LegacyFlags.soleShortName(f).orElse(f)));
        Map<String, Boolean> known = (Map<String, Boolean>) new Yaml().load(run(command, Map.of()));
        TreeSet<String> lacking = new TreeSet<>();
        KernelFeatureNames.all().stream().filter(f -> !known.get(LegacyFlags.soleShortName(f).orElse(f))).forEach(lacking::add);
        assertEquals(new TreeSet<>(NetworkManagerSettings.UNKNOWN_FEATURES), lacking);
    }

    @Test
    @SuppressWarnings("unchecked")
    void tunedLoadsTheProfileAndItsNetPluginTakesEverySetting(@TempDir Path dir) throws Exception {
        String rendered = PersistRenderer.of(PersistFormat.TUNED, PersistCommands.offloadctl("/usr/local/bin/offloadctl")).render(plan());
        Path profile = dir.resolve("offloadctl-bnxt-ports");
        Files.createDirectories(profile);
        Files.writeString(profile.resolve("tuned.conf"), rendered);
        // TuneD reads feature names from ethtool -k (it cannot change [fixed] ones on a device, which is not a naming matter)
        Path ethtool = dir.resolve("ethtool-k");
        Files.writeString(ethtool, run(List.of("ethtool", "-k", "lo"), Map.of()).replace(" [fixed]", ""));
        String devices = "[{\"name\": \"eno1\", \"udev\": {\"ID_NET_DRIVER\": \"e1000e\"}},"
                + " {\"name\": \"eno7\", \"udev\": {\"ID_NET_DRIVER\": \"ixgbe\"}},"
                + " {\"name\": \"eno8\", \"udev\": {\"ID_NET_DRIVER\": \"e1000e\"}},"
                + " {\"name\": \"eth0\", \"udev\": {\"ID_NET_DRIVER\": \"bnxt_en\"}}]";
        Map<String, Object> loaded = (Map<String, Object>) new Yaml().load(run(List.of("/usr/bin/python3",
                PYTHON.resolve("tuned_profile_check.py").toString(), dir.toString(), "offloadctl-bnxt-ports", ethtool.toString(),
                devices, TUNED.resolve("etc/tuned/tuned-main.conf").toString()),
                Map.of("PYTHONPATH", TUNED.resolve("usr/lib/python3/dist-packages").toString())));
        Map<String, Map<String, Object>> units = (Map<String, Map<String, Object>>) loaded.get("units");
        assertEquals(List.of("net_offloadctl_1", "net_offloadctl_2"), new ArrayList<>(units.keySet()), rendered);

        Map<String, Object> one = units.get("net_offloadctl_1");
        Map<String, Map<String, String>> parsed = (Map<String, Map<String, String>>) one.get("parsed");
        assertEquals(Map.of("features", true, "channels", true, "ring", true, "coalesce", true, "pause", true), one.get("accepted"),
                one.toString());
        assertEquals(Map.of("autoneg", "off", "rx", "on", "tx", "off"), parsed.get("pause"));
        assertEquals(Map.of("tso", "off", "gso", "off", "gro", "off", "rx-gro-hw", "off", "hsr-fwd-offload", "off"), parsed.get("features"));
        assertEquals(List.of(), one.get("droppedFeatures"), "TuneD knows every feature name by what ethtool -k prints");
        assertEquals(Map.of("combined", "4"), parsed.get("channels"));
        assertEquals(Map.of("rx", "4096"), parsed.get("ring"));
        assertEquals(Map.of("adaptive-rx", "off", "rx-usecs", "50"), parsed.get("coalesce"));
        assertEquals(List.of("eno1"), one.get("matches"));
        assertTrue(rendered.contains("# TuneD cannot set: tx-checksum-ipv4 gso_max_size gro_ipv4_max_size rings.tx_push coalesce.cqe_mode_rx\n"),
                rendered);

        Map<String, Object> ports = units.get("net_offloadctl_2");
        assertEquals(List.of("eno7"), ports.get("matches"), "eno* with driver bnxt_en or ixgbe: not eno8 (e1000e), not eth0");
        assertEquals(Map.of("gso", "off", "gro", "off"), ((Map<String, Object>) ports.get("parsed")).get("features"));
        assertFalse(rendered.contains("tx-tcp-segmentation"), "a whole group is written by its short name: " + rendered);
    }

    @Test
    @SuppressWarnings("unchecked")
    void talosDocumentsValidateAgainstTalosPublishedSchema(@TempDir Path dir) throws Exception {
        PersistPlan.Item eno1 = plan().items().get(0);
        PersistPlan.Item second = new PersistPlan.Item(PersistTarget.named("0"), Map.of("rx-gro", true));
        String rendered = PersistRenderer.of(PersistFormat.TALOS, PersistCommands.offloadctl("x"))
                .render(new PersistPlan("bnxt-ports", Map.of(), List.of(eno1, second)));
        Path file = dir.resolve("talos.yaml");
        Files.writeString(file, rendered);
        List<Map<String, Object>> checked = schemaCheck("talos/ethernetconfig-v1.11.schema.json", file);
        assertEquals(2, checked.size(), rendered);
        for (Map<String, Object> document : checked) {
            assertEquals(List.of(), document.get("errors"), rendered);
        }
        Map<String, Object> first = (Map<String, Object>) checked.get(0).get("document");
        assertEquals("eno1", first.get("name"));
        Map<String, Object> expectedFeatures = new TreeMap<>(features());
        assertEquals(expectedFeatures, new TreeMap<>((Map<String, Object>) first.get("features")));
        assertEquals(Map.of("rx", 4096, "tx-push", true), first.get("rings"));
        assertEquals(Map.of("combined", 4), first.get("channels"));
        assertEquals("0", ((Map<String, Object>) checked.get(1).get("document")).get("name"), "a name stays a string");
        assertTrue(rendered.contains("# Talos EthernetConfig cannot set: gso_max_size gro_ipv4_max_size coalesce.rx_usecs "
                + "coalesce.adaptive_rx coalesce.cqe_mode_rx pause.autoneg pause.rx pause.tx\n"), rendered);

        // A glob or a driver cannot be said in a document that names one link.
        io.offloadctl.model.OffloadException refused = org.junit.jupiter.api.Assertions.assertThrows(io.offloadctl.model.OffloadException.class,
                () -> PersistRenderer.of(PersistFormat.TALOS, PersistCommands.offloadctl("x")).render(plan()));
        assertTrue(refused.getMessage().contains("names one link") && refused.getMessage().contains("'eno*' with driver bnxt_en or ixgbe"),
                refused.getMessage());
    }

    @Test
    @SuppressWarnings("unchecked")
    void ignitionConfigValidatesAndCarriesTheLinkFilesExactly(@TempDir Path dir) throws Exception {
        PersistPlan plan = new PersistPlan(plan().name(), Map.of(), plan().items(), List.of("desired-state revision 3 of node hv-1"));
        String rendered = PersistRenderer.of(PersistFormat.IGNITION, PersistCommands.offloadctl("x")).render(plan);
        Map<String, Object> config = theValidDocument(rendered, "ignition/ignition-v3_4.schema.json", dir);
        assertEquals(Map.of("version", "3.4.0"), config.get("ignition"));
        List<Map<String, Object>> files = (List<Map<String, Object>>) ((Map<String, Object>) config.get("storage")).get("files");
        List<NetworkdLinkRenderer.LinkFile> links = new NetworkdLinkRenderer().files(plan);
        assertEquals(links.size(), files.size());
        for (int i = 0; i < links.size(); i++) {
            assertEquals(links.get(i).path(), files.get(i).get("path"));
            assertEquals(420, files.get(i).get("mode"), "0644");
            String source = (String) ((Map<String, Object>) files.get(i).get("contents")).get("source");
            assertTrue(source.startsWith("data:,"), source);
            // what Ignition writes: the data URL's text, decoded
            assertEquals(plan.noteComments() + links.get(i).text(),
                    java.net.URLDecoder.decode(source.substring("data:,".length()), StandardCharsets.UTF_8));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void nmstatePolicyValidatesAgainstTheCrdAndNmstatesEthtoolTypes(@TempDir Path dir) throws Exception {
        // every coalescing parameter and ring offloadctl sets, to find any nmstate would refuse as unknown
        Map<CoalesceParameter, Long> coalesce = new java.util.EnumMap<>(CoalesceParameter.class);
        for (CoalesceParameter parameter : CoalesceParameter.values()) {
            coalesce.put(parameter, parameter.onOff() ? 1L : 8L);
        }
        Map<RingParameter, Long> rings = new java.util.EnumMap<>(RingParameter.class);
        for (RingParameter parameter : RingParameter.values()) {
            if (parameter.settable()) {
                rings.put(parameter, parameter.onOff() ? 1L : 1024L);
            }
        }
        PersistPlan plan = new PersistPlan("bnxt-ports", Map.of("role", "hypervisor", "topology.kubernetes.io/zone", "z1"), List.of(
                new PersistPlan.Item(PersistTarget.named("eno1"), features(), Map.of(ChannelKind.combined, 4),
                        Map.of(LinkLimit.gso_max_size, 65536L), rings, coalesce,
                        Map.of(PauseParameter.autoneg, 1L, PauseParameter.rx, 0L, PauseParameter.tx, 1L)),
                new PersistPlan.Item(PersistTarget.named("0"), Map.of("rx-gro", true))));
        String rendered = PersistRenderer.of(PersistFormat.NMSTATE, PersistCommands.offloadctl("x")).render(plan);
        Map<String, Object> policy = theValidDocument(rendered, "nmstate/nncp-ethtool.schema.json", dir);
        Map<String, Object> spec = (Map<String, Object>) policy.get("spec");
        assertEquals(Map.of("role", "hypervisor", "topology.kubernetes.io/zone", "z1"), spec.get("nodeSelector"));
        List<Map<String, Object>> interfaces = (List<Map<String, Object>>) ((Map<String, Object>) spec.get("desiredState")).get("interfaces");
        assertEquals("eno1", interfaces.get(0).get("name"));
        assertEquals("0", interfaces.get(1).get("name"), "a name stays a string");
        Map<String, Object> ethtool = (Map<String, Object>) interfaces.get(0).get("ethtool");
        assertEquals(new TreeMap<>(features()), new TreeMap<>((Map<String, Object>) ethtool.get("feature")));
        assertEquals(Map.of("rx", 1024, "rx-mini", 1024, "rx-jumbo", 1024, "tx", 1024), ethtool.get("ring"));
        assertEquals(true, ((Map<String, Object>) ethtool.get("coalesce")).get("adaptive-rx"));
        assertEquals(Map.of("autoneg", true, "rx", false, "tx", true), ethtool.get("pause"));
        assertEquals(CoalesceParameter.values().length - 2, ((Map<String, Object>) ethtool.get("coalesce")).size(),
                "every coalescing parameter but the CQE modes");
        assertTrue(rendered.contains("# nmstate cannot set: eno1 channels.combined, eno1 gso_max_size, eno1 rings.rx_buf_len, "
                + "eno1 rings.cqe_size, eno1 rings.tx_push, eno1 coalesce.cqe_mode_tx, eno1 coalesce.cqe_mode_rx\n"), rendered);

        io.offloadctl.model.OffloadException refused = org.junit.jupiter.api.Assertions.assertThrows(io.offloadctl.model.OffloadException.class,
                () -> PersistRenderer.of(PersistFormat.NMSTATE, PersistCommands.offloadctl("x")).render(plan()));
        assertTrue(refused.getMessage().contains("nmstate names interfaces exactly"), refused.getMessage());
    }

    /** The one document of a rendering, as parsed, after the schema found nothing wrong with it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> theValidDocument(String rendered, String schema, Path dir) throws Exception {
        Path file = dir.resolve("rendered");
        Files.writeString(file, rendered);
        List<Map<String, Object>> checked = schemaCheck(schema, file);
        assertEquals(1, checked.size(), rendered);
        assertEquals(List.of(), checked.get(0).get("errors"), rendered);
        return (Map<String, Object>) checked.get(0).get("document");
    }

    /** Each YAML or JSON document of {@code file} as parsed, with the schema's errors for it (schema_check.py). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> schemaCheck(String schema, Path file) throws Exception {
        return (List<Map<String, Object>>) new Yaml().load(run(List.of("/usr/bin/python3", PYTHON.resolve("schema_check.py").toString(),
                "src/test/resources/" + schema, file.toString()), Map.of()));
    }

    /** The artifacts of a rendering, each in its own file, named after its header comment. */
    static List<Path> split(String rendered, String header, Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        StringBuilder current = null;
        Map<Path, String> contents = new LinkedHashMap<>();
        Path name = null;
        for (String line : rendered.split("\n", -1)) {
            if (line.startsWith(header)) {
                if (name != null) {
                    contents.put(name, current.toString());
                }
                name = dir.resolve(line.substring(header.length()).split(" ")[0]);
                current = new StringBuilder();
            }
            if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (name != null) {
            contents.put(name, current.toString());
        }
        for (Map.Entry<Path, String> file : contents.entrySet()) {
            Files.writeString(file.getKey(), file.getValue());
            files.add(file.getKey());
        }
        return files;
    }

    static String run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] err = process.getErrorStream().readAllBytes();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, process.exitValue(), command + ": " + new String(err, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }
}
