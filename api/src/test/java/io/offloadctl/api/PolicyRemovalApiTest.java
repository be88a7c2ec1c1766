package io.offloadctl.api;

import static io.offloadctl.api.Fleet.hypervisor;
import static io.offloadctl.api.Fleet.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
 * Removal as a decision: a policy's onRemove (keep by default, or restore), the originals agents
 * record shown per managed feature in the node view, and the removal preview, node by node.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(AsAdmin.class)
class PolicyRemovalApiTest {

    @Inject
    Fleet fleet;

    @BeforeEach
    void clean() {
        fleet.clear();
    }

    static Map<String, Object> withOriginals(Map<String, Object> report, List<Map<String, Object>> originals) {
        Map<String, Object> copy = new HashMap<>(report);
        copy.put("agent", Map.of("originals", originals));
        return copy;
    }

    static Map<String, Object> original(String iface, String feature, boolean value, String policy, String onRemove) {
        return Map.of("interfaceName", iface, "setting", feature, "original", value, "policy", policy, "onRemove", onRemove,
                "recordedAt", "2026-12-01T10:00:00Z");
    }

    static Map<String, Object> withOnRemove(Map<String, Object> policy, String onRemove) {
        Map<String, Object> copy = new HashMap<>(policy);
        copy.put("onRemove", onRemove);
        return copy;
    }

    @Test
    void onRemoveIsKeepUnlessSaidAndOnlyItsTwoWordsAreAccepted() {
        Fleet.createPolicy(Fleet.policy("plain", 1, "enforce", null, Map.of("gro", false))).statusCode(201)
                .body("policy.onRemove", equalTo("keep"));
        Fleet.createPolicy(withOnRemove(Fleet.policy("undo", 1, "enforce", null, Map.of("gso", false)), "restore"))
                .statusCode(201).body("policy.onRemove", equalTo("restore"));
        Fleet.createPolicy(withOnRemove(Fleet.policy("bad", 1, "enforce", null, Map.of("gso", false)), "rollback"))
                .statusCode(400).body("detail", containsString("onRemove"));
    }

    @Test
    void theNodeViewShowsOriginalDesiredActualAndTheRemovalPreviewSaysWhatDeletingDoes() {
        int restore = Fleet.createPolicy(withOnRemove(Fleet.policy("undo-gro", 10, "enforce",
                Map.of("interfaces", List.of("eno1", "tap0")), Map.of("gro", false)), "restore")).statusCode(201).extract().path("id");
        int keep = Fleet.createPolicy(Fleet.policy("keep-gso", 10, "enforce", Map.of("interfaces", List.of("eno1")),
                Map.of("gso", false))).statusCode(201).extract().path("id");
        Fleet.createPolicy(Fleet.policy("fallback-gro", 5, "enforce", Map.of("interfaces", List.of("tap0")),
                Map.of("gro", false))).statusCode(201);
        // The agent applied them: gro and gso off, with the originals it found (eno1's gso had none: it was off already,
        // and a feature stays recorded after a policy released it until the restore is made).
        Map<String, Object> node = withOriginals(hypervisor(Map.of(), false), List.of(
                original("eno1", "rx-gro", true, "undo-gro", "restore"),
                original("tap0", "rx-gro", true, "undo-gro", "restore"),
                original("br0", "rx-gro", true, "gone-policy", "restore")));
        report("hv-1", node).statusCode(201);

        given().get("/api/v1/nodes/hv-1").then().statusCode(200)
                .body("managed.find { it.interfaceName == 'eno1' && it.setting == 'rx-gro' }.original", equalTo(true))
                .body("managed.find { it.interfaceName == 'eno1' && it.setting == 'rx-gro' }.desired", equalTo(false))
                .body("managed.find { it.interfaceName == 'eno1' && it.setting == 'rx-gro' }.actual", equalTo(false))
                .body("managed.find { it.interfaceName == 'eno1' && it.setting == 'rx-gro' }.policy", equalTo("undo-gro"))
                .body("managed.find { it.interfaceName == 'eno1' && it.setting == 'rx-gro' }.onRemove", equalTo("restore"))
                .body("managed.find { it.interfaceName == 'eno1' && it.setting == 'tx-generic-segmentation' }.original", nullValue())
                .body("managed.find { it.interfaceName == 'eno1' && it.setting == 'tx-generic-segmentation' }.onRemove", equalTo("keep"))
                .body("managed.find { it.interfaceName == 'br0' }.desired", nullValue())
                .body("managed.find { it.interfaceName == 'br0' }.policy", equalTo("gone-policy"));

        given().get("/api/v1/policies/" + restore + "/removal").then().statusCode(200)
                .body("policy", equalTo("undo-gro")).body("onRemove", equalTo("restore"))
                .body("effects", hasSize(2))
                .body("effects.find { it.interfaceName == 'eno1' }.outcome", equalTo("restored"))
                .body("effects.find { it.interfaceName == 'eno1' }.now", equalTo(false))
                .body("effects.find { it.interfaceName == 'eno1' }.after", equalTo(true))
                .body("effects.find { it.interfaceName == 'tap0' }.outcome", equalTo("taken-over"))
                .body("effects.find { it.interfaceName == 'tap0' }.policy", equalTo("fallback-gro"))
                .body("effects.find { it.interfaceName == 'tap0' }.after", equalTo(false));
        given().get("/api/v1/policies/" + keep + "/removal").then().statusCode(200)
                .body("effects", hasSize(1))
                .body("effects[0].outcome", equalTo("kept")).body("effects[0].now", equalTo(true)).body("effects[0].after", equalTo(true));
        given().get("/api/v1/policies/999999/removal").then().statusCode(404);

        // Without a recorded original, restore has nothing to put back: it says so.
        report("hv-2", hypervisor(Map.of(), false)).statusCode(201);
        given().get("/api/v1/policies/" + restore + "/removal").then()
                .body("effects.find { it.node == 'hv-2' && it.interfaceName == 'eno1' }.outcome", equalTo("not-recorded"));
        given().contentType(ContentType.JSON).get("/api/v1/nodes/hv-2").then().body("managed.original", equalTo(
                java.util.Arrays.asList(null, null, null)));
    }
}
