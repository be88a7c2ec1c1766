package io.offloadctl.node.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offloadctl.node.testing.CliRun;
import io.offloadctl.node.testing.Shell;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pathology reproduced for real (bench/fault-lab.sh): on the broken path verify finds and keeps
 * tso/gso off and doctor --sample points at them; on the clean path, where the same offloads are
 * worth several times the throughput, verify refuses the change and doctor stays quiet.
 */
@Tag("lab")
class FaultLabTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void verifyKeepsTheFixOnTheBrokenPath() throws Exception {
        try (FaultLab lab = FaultLab.start(true)) {
            Shell.Result result = verify(lab);
            assertEquals(0, result.exitCode(), result.toString());
            JsonNode verification = JSON.readTree(result.out()).get("verification");
            assertTrue(verification.get("kept").asBoolean());
            double before = verification.get("beforeBitsPerSecond").asDouble();
            double after = verification.get("afterBitsPerSecond").asDouble();
            assertTrue(before < 50e6, "offloads on, frames above 1500 dropped: collapsed, got " + before);
            assertTrue(after > 20 * Math.max(before, 1e6), "tso/gso off: recovered, got " + after + " after " + before);
            assertTrue(verification.get("beforeRetransmissions").asLong() > 0, result.out());
            String features = lab.sender.ethtoolFeatures(lab.senderInterface());
            assertTrue(features.contains("tcp-segmentation-offload: off\n") && features.contains("generic-segmentation-offload: off\n"),
                    features);
        }
    }

    @Test
    void verifyRollsBackOnTheCleanPath() throws Exception {
        try (FaultLab lab = FaultLab.start(false)) {
            String before = lab.sender.ethtoolFeatures(lab.senderInterface());
            Shell.Result result = verify(lab);
            assertEquals(4, result.exitCode(), result.toString());
            JsonNode verification = JSON.readTree(result.out()).get("verification");
            assertFalse(verification.get("kept").asBoolean());
            assertTrue(verification.get("afterBitsPerSecond").asDouble() < verification.get("beforeBitsPerSecond").asDouble(),
                    result.out());
            assertEquals(before, lab.sender.ethtoolFeatures(lab.senderInterface()), "every feature as before");
        }
    }

    @Test
    void doctorSampleSeesTheCollapseAndPointsAtTheOffloads() throws Exception {
        try (FaultLab lab = FaultLab.start(true)) {
            JsonNode findings = doctorWhileSending(lab);
            List<String> rules = new ArrayList<>();
            findings.forEach(f -> rules.add(f.get("rule").asText() + "@" + f.get("interfaceName").asText()));
            assertTrue(rules.contains("tcp-retransmissions-segmentation@" + lab.senderInterface()), findings.toString());
            JsonNode finding = findings.get(rules.indexOf("tcp-retransmissions-segmentation@" + lab.senderInterface()));
            assertEquals("warning", finding.get("severity").asText());
            assertTrue(finding.get("fix").asText().contains("gso off"), finding.toString());
            assertTrue(finding.get("evidence").toString().contains("on a 10.00 Gbit/s link"), finding.toString());
        }
    }

    @Test
    void doctorSampleStaysQuietOnTheCleanPath() throws Exception {
        try (FaultLab lab = FaultLab.start(false)) {
            JsonNode findings = doctorWhileSending(lab);
            findings.forEach(f -> assertEquals("info", f.get("severity").asText(), findings.toString()));
        }
    }

    private static Shell.Result verify(FaultLab lab) {
        return CliRun.run("--netns", lab.sender.name(), "verify", "--peer", FaultLab.RECEIVER_ADDRESS, "--set", "tso off gso off",
                "--duration", "2s", "--json", lab.senderInterface());
    }

    /** doctor --sample 2s in the sender while a perf client sends to the receiver. */
    private static JsonNode doctorWhileSending(FaultLab lab) throws Exception {
        CompletableFuture<Shell.Result> traffic = CompletableFuture.supplyAsync(() -> CliRun.run("--netns", lab.sender.name(),
                "perf", "client", FaultLab.RECEIVER_ADDRESS, "--duration", "4s", "--json"));
        Thread.sleep(700);
        Shell.Result doctor = CliRun.run("--netns", lab.sender.name(), "doctor", "--sample", "2s", "--json");
        Shell.Result sent = traffic.get();
        assertEquals(0, sent.exitCode(), sent.toString());
        assertTrue(doctor.exitCode() == 0 || doctor.exitCode() == 3, doctor.toString());
        JsonNode result = JSON.readTree(doctor.out());
        assertTrue(result.get("sample").get("seconds").asDouble() >= 2, doctor.out());
        return result.get("findings");
    }
}
