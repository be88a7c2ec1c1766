package io.offloadctl.api;

import static io.offloadctl.api.Fleet.createPolicy;
import static io.offloadctl.api.Fleet.hypervisor;
import static io.offloadctl.api.Fleet.policy;
import static io.offloadctl.api.Fleet.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(AsAdmin.class)
class PoliciesApiTest {

    @Inject
    Fleet fleet;

    @BeforeEach
    void empty() {
        fleet.clear();
    }

    @Test
    void legacyNamesAreStoredAsKernelNames() {
        int id = createPolicy(policy("host-tso-gso-off", 5, "audit", null, Map.of("tso", false, "gso", false)))
                .statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .header("Location", containsString("/api/v1/policies/"))
                .body("policy.features.keySet()", containsInAnyOrder("tx-generic-segmentation", "tx-tcp-segmentation",
                        "tx-tcp-ecn-segmentation", "tx-tcp-mangleid-segmentation", "tx-tcp6-segmentation",
                        "tx-tcp-accecn-segmentation"))
                .extract().path("id");
        given().get("/api/v1/policies/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("policy.mode", equalTo("audit"));
        given().get("/api/v1/policies").then().body("policy.name", contains("host-tso-gso-off"));
    }

    @Test
    void invalidPoliciesListEveryField() {
        createPolicy(Map.of("name", "x", "mode", "enforce", "features", Map.of("lro", "maybe"))).statusCode(400)
                .contentType("application/problem+json");
        createPolicy(Map.of("name", "Not Valid", "priority", 1, "mode", "enforce",
                "selector", Map.of("matchExpressions", List.of(Map.of("key", "role", "operator", "In"))),
                "features", Map.of("gorp", true)))
                .statusCode(422)
                .body("violations.field", contains("name", "selector.matchExpressions[0].values", "features.gorp"))
                .body("violations[2].message", equalTo("unknown feature 'gorp'; did you mean gro?"));
        createPolicy(Map.of("name", "x", "mode", "sometimes", "features", Map.of("gro", false))).statusCode(400)
                .contentType("application/problem+json");
        // channels: a mistyped kind names the kinds; counts out of range are violations; a policy may set channels only
        createPolicy(Map.of("name", "x", "mode", "enforce", "channels", Map.of("rxx", 2))).statusCode(400)
                .body("detail", containsString("unknown field 'channels.rxx'"))
                .body("detail", containsString("combined"));
        createPolicy(Map.of("name", "x", "mode", "enforce", "channels", Map.of("rx", -1))).statusCode(422)
                .body("violations.field", contains("channels.rx"));
        createPolicy(Map.of("name", "x", "mode", "enforce", "channels", Map.of())).statusCode(422)
                .body("violations.field", contains("features"));
        createPolicy(Map.of("name", "queues", "mode", "enforce", "channels", Map.of("combined", 4))).statusCode(201)
                .body("policy.channels.combined", equalTo(4)).body("policy.features", equalTo(Map.of()));
        // limits: the same; a mistyped name is an unknown field, the read-only tso_ ones are no setting, values are bounded
        createPolicy(Map.of("name", "x", "mode", "enforce", "limits", Map.of("gso_max_sise", 2))).statusCode(400)
                .body("detail", containsString("unknown field 'limits.gso_max_sise'"))
                .body("detail", containsString("gso_max_size"));
        createPolicy(Map.of("name", "x", "mode", "enforce", "limits", Map.of("tso_max_size", 65536))).statusCode(400)
                .body("detail", containsString("unknown field 'limits.tso_max_size'"));
        createPolicy(Map.of("name", "x", "mode", "enforce", "limits", Map.of("gro_max_size", 524281, "gso_max_segs", -1))).statusCode(422)
                .body("violations.field", contains("limits.gso_max_segs", "limits.gro_max_size"))
                .body("violations[1].message", equalTo("must be between 0 and 524280"));
        createPolicy(Map.of("name", "sizes", "mode", "enforce", "limits", Map.of("gso_max_size", 32768))).statusCode(201)
                .body("policy.limits.gso_max_size", equalTo(32768)).body("policy.channels", equalTo(null));
        // rings and coalescing: the same; the driver's maxima (rx_max) are no setting, on/off ones are booleans
        createPolicy(Map.of("name", "x", "mode", "enforce", "rings", Map.of("rx_max", 4096))).statusCode(400)
                .body("detail", containsString("unknown field 'rings.rx_max'"));
        createPolicy(Map.of("name", "x", "mode", "enforce", "coalesce", Map.of("rx_usec", 8))).statusCode(400)
                .body("detail", containsString("unknown field 'coalesce.rx_usec'")).body("detail", containsString("rx_usecs"));
        createPolicy(Map.of("name", "x", "mode", "enforce", "coalesce", Map.of("adaptive_rx", "sometimes"))).statusCode(400);
        createPolicy(Map.of("name", "x", "mode", "enforce", "pause", Map.of("autonge", false))).statusCode(400)
                .body("detail", containsString("unknown field 'pause.autonge'")).body("detail", containsString("autoneg"));
        createPolicy(Map.of("name", "x", "mode", "enforce", "pause", Map.of("rx", 0))).statusCode(400);
        createPolicy(Map.of("name", "no-pause", "mode", "enforce", "pause", Map.of("autoneg", false, "tx", true))).statusCode(201)
                .body("policy.pause.autoneg", equalTo(false)).body("policy.pause.tx", equalTo(true))
                .body("policy.pause.rx", org.hamcrest.Matchers.nullValue());
        createPolicy(Map.of("name", "x", "mode", "enforce", "rings", Map.of("rx", 4294967296L, "tx", -1))).statusCode(422)
                .body("violations.field", contains("rings.rx", "rings.tx"))
                .body("violations[0].message", equalTo("must be between 0 and 4294967295"));
        createPolicy(Map.of("name", "big-rings", "mode", "enforce", "rings", Map.of("rx", 4096, "tx_push", false))).statusCode(201)
                .body("policy.rings.rx", equalTo(4096)).body("policy.rings.tx_push", equalTo(false))
                .body("policy.coalesce", equalTo(null));
        int calm = createPolicy(Map.of("name", "calm", "mode", "audit", "coalesce", Map.of("rx_usecs", 50, "adaptive_rx", true)))
                .statusCode(201).body("policy.coalesce.rx_usecs", equalTo(50)).extract().path("id");
        given().get("/api/v1/policies/" + calm).then().statusCode(200).body("policy.coalesce.adaptive_rx", equalTo(true))
                .body("policy.coalesce.rx_frames", equalTo(null));
    }

    @Test
    void namesAreUniqueAndWritesNeedTheCurrentVersion() {
        int id = createPolicy(policy("a", 1, "enforce", null, Map.of("gro", false))).statusCode(201).extract().path("id");
        createPolicy(policy("a", 2, "enforce", null, Map.of("gro", true))).statusCode(409)
                .body("detail", containsString("a policy named 'a' exists already"));

        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(policy("a", 3, "enforce", null, Map.of("gro", true)))
                .put("/api/v1/policies/" + id).then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(policy("a", 3, "enforce", null, Map.of("gro", true)))
                .put("/api/v1/policies/" + id).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2)).body("policy.priority", equalTo(3));
        given().header("If-Match", "\"1\"").delete("/api/v1/policies/" + id).then().statusCode(412);
        given().header("If-Match", "\"2\"").delete("/api/v1/policies/" + id).then().statusCode(204);
        given().get("/api/v1/policies/" + id).then().statusCode(404);
        given().get("/api/v1/events?type=policy-changed").then().body("items", hasSize(1));
    }

    @Test
    void desiredStateFollowsPoliciesWithRevisionsAndConflicts() {
        report("hv-1", hypervisor(Map.of("role", "hypervisor"), true)).statusCode(201).body("desired.revision", equalTo(1));
        createPolicy(policy("ports", 10, "enforce", Map.of("kinds", List.of("physical", "tap")), Map.of("gro", false)))
                .statusCode(201);
        given().get("/api/v1/nodes/hv-1/desired").then().statusCode(200).body("revision", equalTo(2))
                .body("interfaces.name", contains("eno1", "tap0"));
        createPolicy(policy("rival", 10, "enforce", Map.of("interfaces", List.of("eno*")), Map.of("gro", true)))
                .statusCode(201);
        given().get("/api/v1/nodes/hv-1/desired").then().body("revision", equalTo(3))
                .body("interfaces.name", contains("tap0"))
                .body("conflicts[0].interfaceName", equalTo("eno1"))
                .body("conflicts[0].setting", equalTo("rx-gro"))
                .body("conflicts[0].policies.ports", equalTo(false))
                .body("conflicts[0].policies.rival", equalTo(true));
        // A policy that changes nothing on this node leaves the revision alone.
        createPolicy(policy("elsewhere", 1, "enforce", Map.of("matchLabels", Map.of("role", "gateway")), Map.of("gro", true)))
                .statusCode(201);
        given().get("/api/v1/nodes/hv-1/desired").then().body("revision", equalTo(3));
    }

    @Test
    void previewSaysWhatWouldChangeAndSavesNothing() {
        report("hv-1", hypervisor(Map.of("role", "hypervisor"), true)).statusCode(201);
        report("gw-1", hypervisor(Map.of("role", "gateway"), true)).statusCode(201);
        given().contentType(ContentType.JSON)
                .body(policy("bnxt", 10, "enforce", Map.of("matchLabels", Map.of("role", "hypervisor"), "drivers", List.of("bnxt_en")),
                        Map.of("gro", false, "lro", true)))
                .post("/api/v1/policies/preview").then().statusCode(200)
                .body("selectedNodes", equalTo(1))
                .body("selectedInterfaces", equalTo(1))
                .body("changes.setting", contains("rx-gro", "rx-lro"))
                .body("changes[0].node", equalTo("hv-1"))
                .body("changes[0].from", equalTo(true))
                .body("changes[0].enforceable", equalTo(true))
                .body("changes[1].enforceable", equalTo(false));
        given().get("/api/v1/policies").then().body("", hasSize(0));
    }

    @Test
    void anAuditPolicyAboveAnEnforcedOneSaysSoInThePreviewAndTheDesiredState() {
        report("hv-1", hypervisor(Map.of("role", "hypervisor"), true)).statusCode(201);
        createPolicy(policy("ports-no-gro", 10, "enforce", Map.of("interfaces", List.of("eno1")), Map.of("gro", false)))
                .statusCode(201);
        Map<String, Object> audit = policy("watch-gro", 20, "audit", null, Map.of("gro", false));
        given().contentType(ContentType.JSON).body(audit).post("/api/v1/policies/preview").then().statusCode(200)
                .body("suspensions", hasSize(1))
                .body("suspensions[0].interfaceName", equalTo("eno1"))
                .body("suspensions[0].auditPolicy", equalTo("watch-gro"))
                .body("suspensions[0].enforcePolicies", contains("ports-no-gro"));
        createPolicy(audit).statusCode(201);
        given().get("/api/v1/nodes/hv-1/desired").then().statusCode(200)
                .body("interfaces.find { it.name == 'eno1' }.features.rx-gro.mode", equalTo("audit"))
                .body("interfaces.find { it.name == 'eno1' }.features.rx-gro.suspends", contains("ports-no-gro"));
        // The enforce policy's own preview says it is outranked there.
        given().contentType(ContentType.JSON).body(policy("ports-no-gro", 10, "enforce", Map.of("interfaces", List.of("eno1")),
                Map.of("gro", false))).post("/api/v1/policies/preview").then().statusCode(200)
                .body("suspensions.auditPolicy", contains("watch-gro"));
    }
}
