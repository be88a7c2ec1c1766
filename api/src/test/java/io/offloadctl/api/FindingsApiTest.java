package io.offloadctl.api;

import static io.offloadctl.api.Fleet.feature;
import static io.offloadctl.api.Fleet.iface;
import static io.offloadctl.api.Fleet.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The API runs the shared diagnostic rules on every changed report: per node and fleet-wide. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(AsAdmin.class)
class FindingsApiTest {

    @Inject
    Fleet fleet;

    @BeforeEach
    void empty() {
        fleet.clear();
    }

    /** Seed case 000: a bnxt_en port of a bridge with GRO and GSO on; counters as given. */
    static Map<String, Object> harvesterNode(long rxPackets, long rxDropped) {
        Map<String, Object> features = Map.of("rx-gro", feature(true, true), "tx-generic-segmentation", feature(true, true),
                "rx-lro", feature(false, false));
        Map<String, Object> port = new LinkedHashMap<>(iface("eno1", "physical", "bnxt_en", features));
        port.put("master", "mgmt-br");
        port.put("counters", Map.of("rx_packets", rxPackets, "rx_bytes", rxPackets * 1000, "tx_packets", 0, "tx_bytes", 0,
                "rx_dropped", rxDropped, "rx_errors", 0));
        return Map.of("labels", Map.of("role", "hypervisor"), "kernel", "6.18.0", "agentVersion", "0.1.0",
                "interfaces", List.of(port, iface("mgmt-br", "bridge", "bridge", features)));
    }

    @Test
    void findingsPerNodeAndAcrossTheFleetWithSymptomsFromConsecutiveReports() {
        report("hv-1", harvesterNode(1000, 0)).statusCode(201);
        report("hv-2", Fleet.hypervisor(Map.of(), true)).statusCode(201);

        given().get("/api/v1/findings").then().statusCode(200)
                .body("total", equalTo(1)).body("nodes", equalTo(1))
                .body("items[0].node", equalTo("hv-1"))
                .body("items[0].finding.rule", equalTo("bnxt-gro-gso-bridged"))
                .body("items[0].finding.interfaceName", equalTo("eno1"))
                .body("items[0].finding.severity", equalTo("warning"))
                .body("items[0].finding.fix", equalTo("gso off gro off"))
                .body("bySeverity.warning", equalTo(1));
        given().get("/api/v1/nodes/hv-1").then().body("findings.rule", contains("bnxt-gro-gso-bridged"));
        given().get("/api/v1/nodes/hv-2").then().body("findings", equalTo(List.of()));

        // the next report: 1,000 more packets and as many dropped, moments later: drops are rising
        report("hv-1", harvesterNode(2000, 1000)).statusCode(200);
        given().get("/api/v1/findings?node=hv-1").then()
                .body("items.finding.rule", contains("bnxt-gro-gso-bridged", "rising-receive-drops"))
                .body("byRule.rising-receive-drops", equalTo(1));
        given().get("/api/v1/findings?rule=rising-receive-drops").then().body("total", equalTo(1))
                .body("items[0].finding.evidence[0]", containsString("of received packets dropped"));
        given().get("/api/v1/findings?severity=critical").then().body("total", equalTo(0));
        given().get("/api/v1/findings?size=1&page=1").then().body("items.finding.rule", contains("rising-receive-drops"))
                .body("total", equalTo(2));
    }

    @Test
    void badFiltersAreProblems() {
        given().get("/api/v1/findings?rule=no-such-rule").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("rule 'no-such-rule' is not one of bnxt-gro-gso-bridged"));
        given().get("/api/v1/findings?severity=loud").then().statusCode(400)
                .body("detail", equalTo("severity 'loud' is not one of info, warning, critical"));
    }

    static Map<String, Object> verification(String peer, double before, double after, boolean kept) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("peer", peer, "interfaces", List.of("eno1"),
                "settings", Map.of("tx-generic-segmentation", false), "beforeBitsPerSecond", before, "afterBitsPerSecond", after));
        body.putAll(Map.of("beforeRetransmissions", 118, "afterRetransmissions", 3, "thresholdPercent", 5, "seconds", 5,
                "streams", 1, "kept", kept));
        return body;
    }

    static io.restassured.response.ValidatableResponse post(String node, Object body) {
        return given().contentType("application/json").body(body).post("/api/v1/nodes/" + node + "/verifications").then();
    }

    @Test
    void verificationsAreKeptPerNodeAndPeer() {
        Fleet.report("hv-1", Fleet.hypervisor(Map.of(), true)).statusCode(201);
        Fleet.report("hv-2", Fleet.hypervisor(Map.of(), true)).statusCode(201);
        post("hv-1", verification("198.18.0.2", 140_000, 6.6e9, true)).statusCode(201).body("node", equalTo("hv-1"))
                .body("result.kept", equalTo(true));
        post("hv-1", verification("198.18.0.2", 6.6e9, 6.5e9, true)).statusCode(201);
        post("hv-1", verification("198.18.0.9", 22e9, 5.5e9, false)).statusCode(201);
        post("hv-2", verification("198.18.0.2", 1e9, 1e9, true)).statusCode(201);

        given().get("/api/v1/verifications").then().statusCode(200).body("total", equalTo(4));
        given().get("/api/v1/verifications?latest=true&node=hv-1").then().body("total", equalTo(2))
                .body("items.result.peer", contains("198.18.0.9", "198.18.0.2"))
                .body("items[1].result.beforeBitsPerSecond", equalTo(6.6e9f));
        given().get("/api/v1/verifications?peer=198.18.0.9").then().body("items.result.kept", contains(false));
        given().get("/api/v1/events?type=verification&node=hv-1").then().body("total", equalTo(3))
                .body("items.detail", hasItem(containsString("rolled back {tx-generic-segmentation=false} on eno1 against 198.18.0.9")));

        Map<String, Object> invalid = verification("", 1, 1, true);
        invalid.putAll(Map.of("interfaces", List.of(), "settings", Map.of(), "seconds", 0, "streams", 0));
        post("hv-1", invalid).statusCode(422).contentType("application/problem+json");
        post("hv-1", Map.of("peer", "198.18.0.2", "kept", true)).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString(": is required"));
        post("Not A Node!", verification("198.18.0.2", 1, 1, true)).statusCode(422);

        String agent = given().contentType("application/json").body(Map.of("name", "agent hv-1", "role", "agent", "node", "hv-1"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        given().header("Authorization", "Bearer " + agent).contentType("application/json")
                .body(verification("198.18.0.2", 1, 1, true)).post("/api/v1/nodes/hv-2/verifications").then().statusCode(403);
        given().header("Authorization", "Bearer " + agent).contentType("application/json")
                .body(verification("198.18.0.2", 1, 1, true)).post("/api/v1/nodes/hv-1/verifications").then().statusCode(201);
    }

    /** An mlx5 port whose driver reports tx_queue_dropped (ethtool -S) at this total. */
    static Map<String, Object> mlx5Node(long txQueueDropped, long rxPackets) {
        Map<String, Object> port = new LinkedHashMap<>(iface("ens1f0", "physical", "mlx5_core",
                Map.of("rx-gro", feature(true, true))));
        port.put("counters", Map.of("rx_packets", rxPackets, "rx_bytes", rxPackets * 1000, "tx_packets", 0, "tx_bytes", 0,
                "rx_dropped", 0, "rx_errors", 0));
        port.put("driverStatistics", Map.of("tx_queue_dropped", txQueueDropped));
        port.put("rings", Map.of("rx_max", 8192, "tx_max", 8192, "rx", 1024, "tx", 1024));
        return Map.of("labels", Map.of(), "kernel", "6.8.0", "agentVersion", "0.1.0", "interfaces", List.of(port));
    }

    @Test
    @SuppressWarnings("unchecked")
    void driverStatisticsRisingBetweenConsecutiveReportsAreEvidence() {
        report("mx-1", mlx5Node(100, 1000)).statusCode(201);
        given().get("/api/v1/findings?node=mx-1").then().body("total", equalTo(0));
        // moments later: only counters changed (stored apart from the configuration), 500 more drops
        report("mx-1", mlx5Node(600, 2000)).statusCode(200);
        given().get("/api/v1/findings?node=mx-1").then()
                .body("items.finding.rule", contains("mlx5-transmit-dma-drops"))
                .body("items[0].finding.evidence", hasItem(containsString("driver statistics rising: tx_queue_dropped ")))
                .body("items[0].finding.sources[0].url", containsString("mlx5/counters"));
        given().get("/api/v1/nodes/mx-1").then()
                .body("report.interfaces[0].rings.tx", equalTo(1024))
                .body("report.interfaces[0].driverStatistics.tx_queue_dropped", equalTo(600));
        // the same total again: the drops stopped, and so does the finding
        report("mx-1", mlx5Node(600, 3000)).statusCode(200);
        given().get("/api/v1/findings?node=mx-1").then().body("total", equalTo(0));

        Map<String, Object> hostile = new LinkedHashMap<>(mlx5Node(1, 1));
        Map<String, Object> port = new LinkedHashMap<>(((List<Map<String, Object>>) hostile.get("interfaces")).get(0));
        port.put("driverStatistics", Map.of("tx\nqueue", 1));
        hostile.put("interfaces", List.of(port));
        report("mx-2", hostile).statusCode(422).body("detail", containsString("driverStatistics"));
        port.put("driverStatistics", Map.of());
        port.put("rings", Map.of("rx_maxx", 1));
        report("mx-2", hostile).statusCode(400);
    }
}
