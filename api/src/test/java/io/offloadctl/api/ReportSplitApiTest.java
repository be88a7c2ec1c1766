package io.offloadctl.api;

import static io.offloadctl.api.Fleet.createPolicy;
import static io.offloadctl.api.Fleet.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A report is configuration and counters. A report whose counters moved but whose configuration
 * did not creates no event, no new desired revision and leaves compliance as it was; the node view
 * shows the new counters; and the symptom rules still judge the counters between two reports.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(AsAdmin.class)
class ReportSplitApiTest {

    @Inject
    Fleet fleet;

    @BeforeEach
    void clean() {
        fleet.clear();
    }

    /** A hypervisor whose eno1 counters are these, with TCP counters. */
    static Map<String, Object> withCounters(long rxPackets, long rxBytes, long txBytes, long outSegments) {
        Map<String, Object> report = new HashMap<>(Fleet.hypervisor(Map.of("role", "hypervisor"), true));
        List<Map<String, Object>> interfaces = new java.util.ArrayList<>();
        for (Object each : (List<?>) report.get("interfaces")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> iface = new HashMap<>((Map<String, Object>) each);
            if (iface.get("name").equals("eno1")) {
                iface.put("counters", Map.of("rx_packets", rxPackets, "rx_bytes", rxBytes, "tx_packets", 1000L, "tx_bytes", txBytes,
                        "rx_dropped", 0L, "rx_errors", 0L));
            }
            interfaces.add(iface);
        }
        report.put("interfaces", interfaces);
        report.put("tcp", Map.of("outSegments", outSegments, "retransmittedSegments", 0));
        return report;
    }

    static int events(String node) {
        return given().get("/api/v1/events?node=" + node + "&size=500").then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    @Test
    void countersThatMoveReEvaluateNothingAndAreShown() {
        createPolicy(Fleet.policy("no-gro", 10, "enforce", Map.of("drivers", List.of("bnxt_en")), Map.of("gro", false))).statusCode(201);
        report("hv-1", withCounters(1000, 1_000_000, 10_000, 500)).statusCode(201).body("changed", equalTo(true));
        JsonPath before = given().get("/api/v1/nodes/hv-1").then().statusCode(200).extract().jsonPath();
        int eventsBefore = events("hv-1");
        for (int i = 1; i <= 5; i++) {
            report("hv-1", withCounters(1000 + i * 100, 1_000_000 + i * 150_000, 10_000 + i * 100, 500 + i * 10)).statusCode(200)
                    .body("changed", equalTo(false)).body("status", equalTo("drifted"));
        }
        JsonPath after = given().get("/api/v1/nodes/hv-1").then().statusCode(200).extract().jsonPath();
        assertEquals(eventsBefore, events("hv-1"), "counters are no event");
        assertEquals(before.getLong("desired.revision"), after.getLong("desired.revision"));
        assertEquals(before.getList("compliance"), after.getList("compliance"));
        assertEquals(1500, after.getInt("report.interfaces.find { it.name == 'eno1' }.counters.rx_packets"), "the latest counters");
        assertEquals(550, after.getInt("report.tcp.outSegments"));
        assertTrue(after.getString("summary.reportedAt").compareTo(before.getString("summary.reportedAt")) > 0);
        // A configuration change after counters-only reports is one, with its event.
        Map<String, Object> fixed = new HashMap<>(Fleet.hypervisor(Map.of("role", "hypervisor"), false));
        report("hv-1", fixed).statusCode(200).body("changed", equalTo(true)).body("status", equalTo("compliant"));
        assertEquals(eventsBefore + 1, events("hv-1"));
    }

    @Test
    void symptomsAreJudgedBetweenCountersOnlyReports() {
        report("hv-2", withCounters(1000, 1_000_000, 10_000, 500)).statusCode(201);
        // 500,000 packets of 200 bytes in, little out: tiny received packets on a bulk receive.
        report("hv-2", withCounters(501_000, 101_000_000, 20_000, 600)).statusCode(200);
        List<String> rules = given().get("/api/v1/nodes/hv-2").then().statusCode(200).extract().jsonPath().getList("findings.rule");
        assertTrue(rules.contains("small-received-packets"), rules.toString());
        // Healthy counters next: the symptom is gone, judged again between the two latest reports.
        report("hv-2", withCounters(502_000, 102_500_000, 30_000, 700)).statusCode(200);
        List<String> later = given().get("/api/v1/nodes/hv-2").then().statusCode(200).extract().jsonPath().getList("findings.rule");
        assertTrue(!later.contains("small-received-packets"), later.toString());
    }

    @Test
    void symptomsAreFoundBetweenTwoReportsTenSecondsApart() throws InterruptedException {
        report("hv-4", withCounters(1000, 1_000_000, 10_000, 500)).statusCode(201);
        Thread.sleep(10_000);
        // 500,000 packets of 200 bytes in ten seconds: 10 MB/s of tiny received packets.
        report("hv-4", withCounters(501_000, 101_000_000, 20_000, 600)).statusCode(200).body("changed", equalTo(false));
        JsonPath node = given().get("/api/v1/nodes/hv-4").then().statusCode(200).extract().jsonPath();
        List<String> rules = node.getList("findings.rule");
        assertTrue(rules.contains("small-received-packets"), rules.toString());
        String evidence = node.getString("findings.find { it.rule == 'small-received-packets' }.evidence");
        assertTrue(evidence.contains("average received packet 200 bytes") && evidence.contains("over 10"), evidence);
    }

    @Test
    void aCountersOnlyReportIsReadAsStrictlyAsAnyOther() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        String good = mapper.writeValueAsString(withCounters(1000, 1_000_000, 10_000, 500));
        report("hv-5", good).statusCode(201);
        int eventsBefore = events("hv-5");
        String counters = "\"rx_packets\":1000";
        Map<String, Integer> bad = new java.util.LinkedHashMap<>();
        bad.put(good.replace(counters, "\"rx_packets\":\"2000\""), 400);
        bad.put(good.replace(counters, "\"rx_packets\":2000.5"), 400);
        bad.put(good.replace(counters, "\"rx_packets\":null"), 400);
        bad.put(good.replace(counters, "\"rx_packets\":2000,\"rx_packets\":2001"), 400);
        bad.put(good.replace("\"outSegments\"", "\"outSegmentz\""), 400);
        bad.put(good + " {}", 400);
        StringBuilder many = new StringBuilder("\"rx_packets\":2000");
        for (int i = 0; i < 70; i++) {
            many.append(",\"c").append(i).append("\":").append(i);
        }
        bad.put(good.replace(counters, many), 422);
        bad.put(good.replace(counters, "\"rx packets\":2000"), 422);
        bad.forEach((body, status) -> report("hv-5", body).statusCode(status));
        JsonPath node = given().get("/api/v1/nodes/hv-5").then().statusCode(200).extract().jsonPath();
        assertEquals(1000, node.getInt("report.interfaces.find { it.name == 'eno1' }.counters.rx_packets"), "nothing refused is stored");
        assertEquals(eventsBefore, events("hv-5"));
        report("hv-5", good.replace(counters, "\"rx_packets\":2000")).statusCode(200).body("changed", equalTo(false));
    }

    @Test
    void theMetricsCountReportsByWhatTheyChanged() {
        double firstBefore = reports("first");
        double samplesBefore = reports("sample");
        double configurationsBefore = reports("configuration");
        report("hv-6", withCounters(1000, 1_000_000, 10_000, 500)).statusCode(201);
        for (int i = 1; i <= 3; i++) {
            report("hv-6", withCounters(1000 + i, 1_000_000 + i * 1000, 10_000, 500 + i)).statusCode(200);
        }
        report("hv-6", Fleet.hypervisor(Map.of("role", "hypervisor"), false)).statusCode(200).body("changed", equalTo(true));
        assertEquals(firstBefore + 1, reports("first"));
        assertEquals(samplesBefore + 3, reports("sample"));
        assertEquals(configurationsBefore + 1, reports("configuration"));
    }

    static double reports(String kind) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^offloadctl_reports_total\\{kind=\"" + kind + "\"[^}]*} (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
