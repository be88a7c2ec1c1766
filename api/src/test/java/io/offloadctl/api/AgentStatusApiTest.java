package io.offloadctl.api;

import static io.offloadctl.api.Fleet.hypervisor;
import static io.offloadctl.api.Fleet.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What an agent holds back, as the API shows it: a quarantined revision makes the node failed
 * until the revision changes or an operator asks for a retry; contested features make their
 * interfaces contested; both are events and metrics. Also: the desired state carries the policies
 * (with master selectors) an agent applies to new interfaces, enactments carry their time and
 * probes, and policy changes log no drift that no agent reported.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(AsAdmin.class)
class AgentStatusApiTest {

    @Inject
    Fleet fleet;

    @BeforeEach
    void clean() {
        fleet.clear();
    }

    static Map<String, Object> withAgent(Map<String, Object> report, Object agent) {
        Map<String, Object> copy = new HashMap<>(report);
        copy.put("agent", agent);
        return copy;
    }

    static Map<String, Object> quarantine(long revision, long retry) {
        return Map.of("revision", revision, "retry", retry, "reason", "the tcp probe of 127.0.0.1:9 failed after the change",
                "at", "2026-12-01T10:00:00Z", "probes", List.of(Map.of("name", "tcp", "target", "127.0.0.1:9",
                        "before", true, "after", false, "message", "Connection refused")));
    }

    @Test
    void aQuarantinedRevisionFailsTheNodeUntilARetry() throws Exception {
        Fleet.createPolicy(Fleet.policy("no-gro", 10, "enforce", Map.of("drivers", List.of("bnxt_en")), Map.of("gro", false)))
                .statusCode(201);
        long revision = ((Number) report("hv-1", hypervisor(Map.of(), true)).statusCode(201).extract().path("desired.revision")).longValue();
        report("hv-1", withAgent(hypervisor(Map.of(), true), Map.of("quarantine", quarantine(revision, 0))))
                .statusCode(200).body("status", equalTo("failed")).body("desired.retry", equalTo(0));
        given().get("/api/v1/compliance?status=failed").then().statusCode(200)
                .body("nodes.failed", equalTo(1))
                .body("details[0].node", equalTo("hv-1"))
                .body("details[0].agent.quarantine.revision", equalTo((int) revision))
                .body("details[0].agent.quarantine.probes[0].after", equalTo(false));
        Thread.sleep(1100); // the gauges re-read the database at most once a second
        given().get("/q/metrics").then().body(containsString("offloadctl_nodes{status=\"failed\"} 1.0"));

        given().post("/api/v1/nodes/hv-1/retry").then().statusCode(200)
                .body("retry", equalTo(1)).body("revision", equalTo((int) revision));
        given().get("/api/v1/nodes/hv-1").then().body("summary.status", equalTo("drifted"));
        given().get("/api/v1/events?type=retry&node=hv-1").then()
                .body("items[0].detail", containsString("retry 1 of revision " + revision))
                .body("items[0].detail", containsString("tcp probe of 127.0.0.1:9"));
        // The agent's next report still names retry 0: it no longer holds, the node is not failed.
        report("hv-1", withAgent(hypervisor(Map.of(), true), Map.of("quarantine", quarantine(revision, 0))))
                .body("status", equalTo("drifted")).body("desired.retry", equalTo(1));
        // A quarantine of an older revision does not hold the current one either.
        Fleet.createPolicy(Fleet.policy("no-gso", 10, "enforce", Map.of("drivers", List.of("bnxt_en")), Map.of("gso", false)))
                .statusCode(201);
        report("hv-1", withAgent(hypervisor(Map.of(), true), Map.of("quarantine", quarantine(revision, 1))))
                .body("status", equalTo("drifted")).body("desired.revision", not(equalTo((int) revision)));

        given().post("/api/v1/nodes/nobody/retry").then().statusCode(404);
        String viewer = given().contentType(ContentType.JSON).body(Map.of("name", "v", "role", "viewer"))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        given().header("Authorization", "Bearer " + viewer).post("/api/v1/nodes/hv-1/retry").then().statusCode(403);
    }

    @Test
    void contestedFeaturesAreTheirInterfacesStatusAnEventAndAMetric() throws Exception {
        Fleet.createPolicy(Fleet.policy("no-gro", 10, "enforce", Map.of("interfaces", List.of("eno1", "tap0")), Map.of("gro", false)))
                .statusCode(201);
        report("hv-2", hypervisor(Map.of(), false)).statusCode(201).body("status", equalTo("compliant"));
        Map<String, Object> contested = Map.of("interfaceName", "eno1", "setting", "rx-gro", "wanted", false, "repairs", 5,
                "windowSeconds", 60, "since", "2026-12-01T10:00:00Z");
        report("hv-2", withAgent(hypervisor(Map.of(), false), Map.of("contested", List.of(contested))))
                .statusCode(200).body("status", equalTo("contested"));
        given().get("/api/v1/nodes/hv-2").then()
                .body("compliance.find { it.name == 'eno1' }.status", equalTo("contested"))
                .body("compliance.find { it.name == 'eno1' }.deviations[0].status", equalTo("contested"))
                .body("compliance.find { it.name == 'tap0' }.status", equalTo("compliant"))
                .body("report.agent.contested[0].repairs", equalTo(5));
        given().get("/api/v1/events?type=contested&node=hv-2").then().body("items", hasSize(1))
                .body("items[0].detail", containsString("eno1: rx-gro turned back 5 times within 60 s"));
        Thread.sleep(1100);
        given().get("/q/metrics").then().body(containsString("offloadctl_interfaces{status=\"contested\"} 1.0"));
        // Reported again: no second event.
        report("hv-2", withAgent(hypervisor(Map.of(), true), Map.of("contested", List.of(contested)))).statusCode(200);
        given().get("/api/v1/events?type=contested&node=hv-2").then().body("items", hasSize(1));
    }

    @Test
    void agentsOfTheReleaseBeforeSettingsAreUnderstood() {
        // Before channels, contests, originals and enactment details named a feature "feature", and values were booleans.
        Fleet.createPolicy(Fleet.policy("no-gro", 10, "enforce", Map.of("interfaces", List.of("eno1")), Map.of("gro", false)))
                .statusCode(201);
        Map<String, Object> contested = Map.of("interfaceName", "eno1", "feature", "rx-gro", "wanted", false, "repairs", 5,
                "windowSeconds", 60, "since", "2026-12-01T10:00:00Z");
        Map<String, Object> original = Map.of("interfaceName", "eno1", "feature", "rx-gro", "original", true, "policy", "no-gro",
                "onRemove", "restore", "recordedAt", "2026-12-01T09:00:00Z");
        report("hv-5", withAgent(hypervisor(Map.of(), false), Map.of("contested", List.of(contested), "originals", List.of(original))))
                .statusCode(201).body("status", equalTo("contested"));
        given().get("/api/v1/nodes/hv-5").then()
                .body("report.agent.contested[0].setting", equalTo("rx-gro"))
                .body("managed.find { it.interfaceName == 'eno1' && it.setting == 'rx-gro' }.original", equalTo(true));
        Map<String, Object> enactment = Map.of("revision", 1, "result", "applied", "at", "2026-12-01T09:00:00Z",
                "message", "applied revision 1: eno1 rx-gro off",
                "details", List.of(Map.of("interfaceName", "eno1", "feature", "rx-gro", "wanted", false, "actual", false)));
        given().contentType(ContentType.JSON).body(enactment).post("/api/v1/nodes/hv-5/enactments").then().statusCode(201)
                .body("detail", containsString("eno1 rx-gro off"));
    }

    @Test
    void theDesiredStateCarriesTheNodesPoliciesAndMastersSelectBridgePorts() {
        Fleet.createPolicy(Fleet.policy("ports-of-br0", 10, "enforce", Map.of("matchLabels", Map.of("role", "hv"),
                "masters", List.of("br*")), Map.of("gro", false))).statusCode(201);
        Fleet.createPolicy(Fleet.policy("other-nodes", 10, "enforce", Map.of("matchLabels", Map.of("role", "db")),
                Map.of("gso", false))).statusCode(201);
        Map<String, Object> node = new HashMap<>(hypervisor(Map.of("role", "hv"), true));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> interfaces = ((List<Map<String, Object>>) node.get("interfaces")).stream().map(i -> {
            Map<String, Object> copy = new HashMap<>(i);
            if (!i.get("name").equals("br0")) {
                copy.put("master", i.get("name").equals("tap0") ? "br0" : null);
            }
            return copy;
        }).toList();
        node.put("interfaces", interfaces);
        report("hv-3", node).statusCode(201)
                .body("desired.interfaces.name", equalTo(List.of("tap0")))
                .body("desired.policies.name", equalTo(List.of("ports-of-br0")))
                .body("desired.policies[0].selector.masters", equalTo(List.of("br*")))
                .body("desired.policies[0].description", nullValue());
        Fleet.createPolicy(Fleet.policy("bad-master", 10, "enforce", Map.of("masters", List.of("br0;reboot")),
                Map.of("gro", false))).statusCode(422).body("violations.field", hasItem("selector.masters[0]"));
    }

    @Test
    void enactmentsCarryTheirTimeAndProbesAndPolicyChangesLogNoUnseenDrift() {
        report("hv-4", hypervisor(Map.of(), true)).statusCode(201);
        Fleet.createPolicy(Fleet.policy("no-gro", 10, "enforce", null, Map.of("gro", false))).statusCode(201);
        given().get("/api/v1/nodes/hv-4").then().body("summary.status", equalTo("drifted"));
        given().get("/api/v1/events?type=drift&node=hv-4").then().body("items", empty());

        Map<String, Object> enactment = Map.of("revision", 2, "result", "rolled-back", "at", "2026-12-01T09:00:00Z",
                "message", "the gateway probe of 198.18.0.1 failed after the change",
                "details", List.of(Map.of("interfaceName", "eno1", "setting", "rx-gro", "wanted", false, "actual", true)),
                "probes", List.of(Map.of("name", "gateway", "target", "198.18.0.1", "before", true, "after", false,
                        "message", "no echo reply within 2000 ms")));
        given().contentType(ContentType.JSON).body(enactment).post("/api/v1/nodes/hv-4/enactments").then().statusCode(201)
                .body("at", containsString("2026-12-01T09:00"))
                .body("detail", containsString("probes: gateway 198.18.0.1 answered before, failed after (no echo reply"));
        given().get("/api/v1/events?type=enactment&node=hv-4").then().body("items[0].at", containsString("2026-12-01T09:00"));
        Map<String, Object> future = new HashMap<>(enactment);
        future.put("at", "2999-01-01T00:00:00Z");
        given().contentType(ContentType.JSON).body(future).post("/api/v1/nodes/hv-4/enactments").then().statusCode(201)
                .body("at", not(containsString("2999")));
        Map<String, Object> tooMany = new HashMap<>(enactment);
        tooMany.put("probes", java.util.Collections.nCopies(33, enactment.get("probes") instanceof List<?> l ? l.get(0) : null));
        given().contentType(ContentType.JSON).body(tooMany).post("/api/v1/nodes/hv-4/enactments").then().statusCode(422)
                .body("violations.field", hasItem("probes"));
    }
}
