package io.offloadctl.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.offloadctl.node.testing.CliRun;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;

/** {@code offloadctl show} must print exactly what {@code ethtool -k} prints, for every kind of device here. */
@Tag("ffi")
class ShowMatchesEthtoolTest {

    static final List<String> LAB = TestNamespace.LAB_INTERFACES;
    static TestNamespace lab;

    @BeforeAll
    static void createLab() {
        lab = TestNamespace.createLab("show");
    }

    @AfterAll
    static void removeLab() {
        lab.close();
    }

    @ParameterizedTest
    @FieldSource("LAB")
    void showEqualsEthtoolByteForByte(String iface) {
        Shell.Result ours = CliRun.run("--netns", lab.name(), "show", iface);
        assertEquals(0, ours.exitCode(), ours.err());
        assertEquals(lab.ethtoolFeatures(iface), ours.out());
    }

    @Test
    void showEqualsEthtoolAfterChangesMadeByEthtool() {
        lab.exec("ethtool", "-K", "va", "gro", "on").orFail();
        lab.exec("ethtool", "-K", "vb", "sg", "off").orFail();
        lab.exec("ethtool", "-K", "br0", "tso", "off").orFail();
        lab.exec("ethtool", "-K", "tap0", "gso", "off", "tx", "off").orFail();
        lab.exec("ethtool", "-K", "ifb0", "gro", "off").orFail();
        for (String iface : LAB) {
            assertEquals(lab.ethtoolFeatures(iface), CliRun.run("--netns", lab.name(), "show", iface).out(), iface);
        }
        // vb now has TSO requested on but dropped by sg off: the [requested on] marker must show.
        assertTrue(CliRun.run("--netns", lab.name(), "show", "vb").out().contains("[requested on]"));
    }

    @Test
    void alternativeNamesReachTheInterfaceAndItsOwnNameIsPrinted() {
        String shortName = "vb-alt";
        String longName = "vb-a-rather-long-alternative-name"; // 33 bytes: only rtnetlink can look it up
        for (String alt : List.of(shortName, longName)) {
            lab.ip("link", "property", "add", "dev", "vb", "altname", alt);
        }
        try {
            for (String alt : List.of(shortName, longName)) {
                Shell.Result ours = CliRun.run("--netns", lab.name(), "show", alt);
                assertEquals(0, ours.exitCode(), ours.toString());
                assertEquals(lab.exec("ethtool", "-k", alt).out(), ours.out(), alt);
                assertTrue(ours.out().startsWith("Features for vb:\n"), ours.out());
                // info: what ethtool -i says of vb (ethtool -i itself, having no netlink form, refuses
                // names longer than 15 bytes: "device name longer than 15 not supported")
                Shell.Result info = CliRun.run("--netns", lab.name(), "info", alt);
                assertEquals(0, info.exitCode(), info.toString());
                String ethtoolInfo = lab.exec("ethtool", "-i", "vb").out();
                assertTrue(ethtoolInfo.startsWith("driver: veth\n"), ethtoolInfo);
                assertTrue(info.out().startsWith(ethtoolInfo), info.out());
            }
        } finally {
            for (String alt : List.of(shortName, longName)) {
                lab.ip("link", "property", "del", "dev", "vb", "altname", alt);
            }
        }
    }

    @Test
    void showWithoutArgumentsPrintsEveryInterfaceInIndexOrder() {
        String[] names = lab.ip("-o", "link", "show").out().lines()
                .map(line -> line.split(": ")[1].replaceAll("@.*", "")).toArray(String[]::new);
        String expected = Arrays.stream(names).map(lab::ethtoolFeatures).collect(Collectors.joining("\n"));
        Shell.Result ours = CliRun.run("show", "--netns", lab.name());
        assertEquals(0, ours.exitCode(), ours.err());
        assertEquals(expected, ours.out());
    }

    @Test
    void machineOwnInterfacesAreReadIdentically() {
        for (String iface : List.of("lo", "eth0")) {
            if (!Files.exists(Path.of("/sys/class/net", iface))) {
                continue;
            }
            assertEquals(Shell.run("ethtool", "-k", iface).orFail().out(), CliRun.run("show", iface).out(), iface);
        }
    }

    @Test
    void jsonAgreesWithEthtoolForEveryFeature() throws Exception {
        lab.exec("ethtool", "-K", "va", "sg", "off").orFail();
        Shell.Result ours = CliRun.run("--netns", lab.name(), "show", "--json", "va");
        assertEquals(0, ours.exitCode(), ours.err());
        JsonNode root = new ObjectMapper().readTree(ours.out());
        assertEquals(1, root.size());
        assertEquals("va", root.get(0).get("name").asText());
        JsonNode features = root.get(0).get("features");
        Map<String, String> ethtoolLines = lab.ethtoolFeatures("va").lines().skip(1)
                .map(String::strip)
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf(':')),
                        line -> line.substring(line.indexOf(':') + 2), (a, b) -> a));
        assertTrue(features.size() > 50, "expected every named kernel feature");
        for (Map.Entry<String, JsonNode> entry : features.properties()) {
            JsonNode state = entry.getValue();
            String line = ethtoolLines.get(entry.getKey());
            if (line == null) {
                // a legacy flag with one member: ethtool prints it under the long name
                line = ethtoolLines.get(state.get("group").asText());
            }
            assertEquals(line.startsWith("on"), state.get("active").asBoolean(), entry.getKey());
            assertEquals(line.contains("[fixed]"), state.get("fixed").asBoolean(), entry.getKey());
            assertEquals(!state.get("fixed").asBoolean(), state.get("changeable").asBoolean(), entry.getKey());
            if (line.contains("[requested")) {
                assertEquals(line.contains("[requested on]"), state.get("requested").asBoolean(), entry.getKey());
            }
        }
        assertEquals("tcp-segmentation-offload", features.get("tx-tcp-segmentation").get("group").asText());
        assertTrue(features.get("tx-gso-list").get("group").isNull());
        assertFalse(features.get("tx-scatter-gather").get("active").asBoolean());
    }
}
