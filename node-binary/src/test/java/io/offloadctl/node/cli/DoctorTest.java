package io.offloadctl.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offloadctl.node.testing.CliRun;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** offloadctl doctor against real interfaces: a healthy host, real misconfigurations, their printed fixes, saved reports. */
@Tag("ffi")
class DoctorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    TestNamespace lab;
    Path saved;

    @BeforeEach
    void createLab() throws Exception {
        lab = TestNamespace.createLab("doctor");
        saved = Files.createTempFile("offloadctl-report", ".json");
    }

    @AfterEach
    void removeLab() throws Exception {
        lab.close();
        Files.deleteIfExists(saved);
    }

    @Test
    void thisHealthyHostHasNoWarning() throws Exception {
        Shell.Result text = CliRun.run("doctor", "--cache", "/nonexistent");
        assertEquals(0, text.exitCode(), text.toString());
        Shell.Result json = CliRun.run("doctor", "--json", "--cache", "/nonexistent");
        assertEquals(0, json.exitCode(), json.toString());
        JSON.readTree(json.out()).get("findings").forEach(f -> assertEquals("info", f.get("severity").asText(), json.out()));
    }

    @Test
    void theStandardLabIsHealthyToo() {
        Shell.Result result = CliRun.run("--netns", lab.name(), "doctor", "--cache", "/nonexistent");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("no findings: nothing known to hurt offloads here\n", result.out());
    }

    @Test
    void bridgePortMtuMismatchIsFoundWithItsEvidence() throws Exception {
        jumboPortOnAStandardBridge();
        JsonNode findings = findings(CliRun.run("--netns", lab.name(), "doctor", "--json", "--min-severity", "warning",
                "--cache", "/nonexistent"), 3);
        assertEquals(List.of("bridge-port-mtu-mismatch@tap0"), rules(findings));
        assertTrue(findings.get(0).get("evidence").toString().contains("MTU 1500, below port vb of br0 (MTU 9000)"), findings.toString());
        assertTrue(findings.get(0).get("sources").get(0).get("url").asText().startsWith("https://github.com/torvalds/linux/"),
                findings.toString());
        lab.ip("link", "set", "tap0", "mtu", "9000");
        assertEquals(List.of(), rules(findings(CliRun.run("--netns", lab.name(), "doctor", "--json", "--min-severity", "warning",
                "--cache", "/nonexistent"), 0)));
    }

    @Test
    void sgOffIsReportedInEthtoolsWordsAsInformationAndNotUndone() throws Exception {
        lab.exec("ethtool", "-K", "va", "sg", "off").orFail();
        Shell.Result doctor = CliRun.run("--netns", lab.name(), "doctor", "--cache", "/nonexistent", "va");
        assertEquals(0, doctor.exitCode(), doctor.toString());
        assertTrue(doctor.out().startsWith("info     va: Scatter-gather off, so TSO and GSO are off too [sg-off-drops-segmentation]\n"),
                doctor.out());
        String ethtool = lab.ethtoolFeatures("va");
        for (String said : List.of("tx-tcp-segmentation: off [requested on]", "generic-segmentation-offload: off [requested on]")) {
            assertTrue(doctor.out().replaceAll("\\s+", " ").contains(said) && ethtool.contains(said), said + " as ethtool says it: "
                    + doctor.out() + ethtool);
        }
        assertTrue(doctor.out().lines().noneMatch(l -> l.strip().startsWith("fix:")), "sg off is a known workaround: " + doctor.out());
    }

    @Test
    void twoSavedReportsAreJudgedForSymptoms() throws Exception {
        CliRun.run("--netns", lab.name(), "doctor", "--save", saved.toString(), "--cache", "/nonexistent");
        ObjectNode before = (ObjectNode) JSON.readTree(Files.readString(saved));
        ObjectNode after = before.deepCopy();
        for (JsonNode iface : after.get("interfaces")) {
            if (iface.get("name").asText().equals("va")) {
                ObjectNode counters = (ObjectNode) iface.get("counters");
                // 10 s: 100 MB in as 200-byte packets, 1 MB out
                counters.put("rx_packets", counters.get("rx_packets").asLong() + 500_000);
                counters.put("rx_bytes", counters.get("rx_bytes").asLong() + 100_000_000);
                counters.put("tx_bytes", counters.get("tx_bytes").asLong() + 1_000_000);
            }
        }
        Path later = Files.createTempFile("offloadctl-report", ".json");
        try {
            Files.writeString(later, after.toString());
            JsonNode findings = findings(CliRun.run("doctor", "--json", "--from", saved.toString(), "--from", later.toString(),
                    "--interval", "10s"), 3);
            assertTrue(rules(findings).contains("small-received-packets@va"), findings.toString());
            Shell.Result noTime = CliRun.run("doctor", "--from", saved.toString(), "--from", later.toString());
            assertEquals(1, noTime.exitCode(), noTime.toString());
            assertTrue(noTime.err().contains("give --interval"), noTime.err());
        } finally {
            Files.deleteIfExists(later);
        }
    }

    @Test
    void aSavedReportIsDiagnosedElsewhereAndANodeViewBringsItsDesiredState() throws Exception {
        jumboPortOnAStandardBridge();
        Shell.Result local = CliRun.run("--netns", lab.name(), "doctor", "--json", "--save", saved.toString(), "--cache", "/nonexistent");
        Shell.Result fromFile = CliRun.run("doctor", "--json", "--from", saved.toString());
        assertEquals(3, fromFile.exitCode(), fromFile.toString());
        assertEquals(JSON.readTree(local.out()).get("findings"), JSON.readTree(fromFile.out()).get("findings"));

        ObjectNode view = JSON.createObjectNode();
        view.set("report", JSON.readTree(Files.readString(saved)));
        view.set("desired", JSON.readTree("""
                {"interfaces": [{"name": "va", "features": {"rx-lro": {"value": true, "policy": "lro-on", "mode": "enforce"}}}]}"""));
        Files.writeString(saved, view.toString());
        JsonNode findings = findings(CliRun.run("doctor", "--json", "--from", saved.toString()), 3);
        assertTrue(rules(findings).contains("policy-wants-fixed-feature@va"), findings.toString());
    }

    @Test
    void badInputIsRefusedClearly() {
        Shell.Result missing = CliRun.run("doctor", "--from", "/nonexistent/report.json");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("cannot read a node report from /nonexistent/report.json"), missing.err());
        Shell.Result both = CliRun.run("doctor", "--from", "-", "--sample", "1s");
        assertEquals(1, both.exitCode(), both.toString());
        assertTrue(both.err().contains("--sample measures this host; it cannot be used with --from"), both.err());
        Shell.Result severity = CliRun.run("doctor", "--min-severity", "loud");
        assertEquals(2, severity.exitCode(), severity.toString());
    }

    /** vb at 9000 bytes while br0 stays at 1500: the bridge follows its port unless its MTU is set after. */
    /** vb takes jumbo frames, tap0 beside it on br0 does not. */
    private void jumboPortOnAStandardBridge() {
        lab.ip("link", "set", "tap0", "master", "br0");
        lab.ip("link", "set", "vb", "mtu", "9000");
        lab.ip("link", "set", "tap0", "mtu", "1500");
    }

    private static JsonNode findings(Shell.Result result, int exitCode) throws Exception {
        assertEquals(exitCode, result.exitCode(), result.toString());
        return JSON.readTree(result.out()).get("findings");
    }

    private static List<String> rules(JsonNode findings) {
        List<String> rules = new ArrayList<>();
        findings.forEach(f -> rules.add(f.get("rule").asText() + "@" + f.get("interfaceName").asText()));
        return rules;
    }
}
