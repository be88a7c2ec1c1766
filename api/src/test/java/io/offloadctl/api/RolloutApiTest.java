package io.offloadctl.api;

import static io.offloadctl.api.Fleet.createPolicy;
import static io.offloadctl.api.Fleet.hypervisor;
import static io.offloadctl.api.Fleet.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Staged rollouts through the API, with the reports agents send: the canary alone gets the change,
 * the next wave only once the canary reported it applied and compliant and the soak passed; a failed
 * node pauses the rollout and later waves keep the policy as it was; a change while nodes wait is
 * refused; resume goes on past the failed node; abort puts the policy back everywhere; a deletion
 * under restore rolls out, one under keep does not; audit policies reach everyone at once.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(AsAdmin.class)
class RolloutApiTest {

    @Inject
    Fleet fleet;

    @BeforeEach
    void clean() {
        fleet.clear();
        for (String node : List.of("r-a", "r-b", "r-c")) {
            report(node, hypervisor(Map.of("rack", node.equals("r-a") ? "1" : "2"), true)).statusCode(201);
        }
    }

    static Map<String, Object> policy(String mode, Map<String, Object> rollout) {
        Map<String, Object> policy = new HashMap<>(Fleet.policy("staged", 10, mode, Map.of("drivers", List.of("bnxt_en")),
                Map.of("gro", false)));
        if (rollout == null) {
            policy.remove("rollout");
        } else {
            policy.put("rollout", rollout);
        }
        policy.put("onRemove", "restore");
        return policy;
    }

    static boolean wantsGroOff(String node) {
        Map<String, Object> features = given().get("/api/v1/nodes/" + node + "/desired").then().statusCode(200).extract().jsonPath()
                .getMap("interfaces.find { it.name == 'eno1' }.features");
        return features != null && features.containsKey("rx-gro");
    }

    static JsonPath rollout(int id) {
        return given().get("/api/v1/policies/" + id + "/rollout").then().statusCode(200).extract().jsonPath();
    }

    /** What the agent of a node reports after it applied its desired state. */
    static void applied(String node) {
        report(node, hypervisor(Map.of("rack", node.equals("r-a") ? "1" : "2"), false)).statusCode(200);
    }

    static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 10 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void leftOutTheRolloutIsACanaryOfOneThenHalfASixtySecondSoak() {
        var stored = createPolicy(policy("enforce", null)).statusCode(201).extract().jsonPath();
        Map<String, Object> defaults = new HashMap<>(Map.of("canary", 1, "maxUnavailable", "50%", "soak", "60s"));
        defaults.put("spreadBy", null);
        defaults.put("verify", null);
        assertEquals(defaults, stored.getMap("policy.rollout"));
        JsonPath rollout = rollout(stored.getInt("id"));
        assertEquals("progressing", rollout.getString("state"));
        assertEquals(List.of(List.of("r-a"), List.of("r-b"), List.of("r-c")), rollout.getList("waves.nodes.node"));
        assertTrue(wantsGroOff("r-a"));
        assertTrue(!wantsGroOff("r-b") && !wantsGroOff("r-c"));
    }

    @Test
    void theNextWaveStartsOnlyAfterTheCanaryReportedCompliantAndSoaked() throws Exception {
        int id = createPolicy(policy("enforce", Map.of("canary", 1, "maxUnavailable", "2", "soak", "1s"))).statusCode(201)
                .extract().path("id");
        assertEquals(List.of(List.of("r-a"), List.of("r-b", "r-c")), rollout(id).getList("waves.nodes.node"));
        assertEquals("released", rollout(id).getString("waves[0].nodes[0].state"));
        Thread.sleep(1500);
        // The canary has not reported the change applied: the second wave waits, whatever the time.
        assertTrue(!wantsGroOff("r-b") && !wantsGroOff("r-c"));
        assertEquals("in-progress", rollout(id).getString("waves[0].state"));
        applied("r-a");
        await("the canary compliant", () -> "compliant".equals(rollout(id).getString("waves[0].nodes[0].state")));
        long compliantAt = System.nanoTime();
        assertEquals("soaking", rollout(id).getString("waves[0].state"));
        await("the second wave released", () -> wantsGroOff("r-b") && wantsGroOff("r-c"));
        assertTrue(System.nanoTime() - compliantAt >= Duration.ofMillis(800).toNanos(), "the soak was kept");
        applied("r-b");
        applied("r-c");
        await("the rollout completed", () -> "completed".equals(rollout(id).getString("state")));
        String events = given().get("/api/v1/events?type=rollout&size=50").then().statusCode(200).extract().asString();
        assertTrue(events.contains("wave 1 of 2 (canary) started: r-a") && events.contains("wave 2 of 2 started: r-b, r-c")
                && events.contains("completed"), events);
    }

    @Test
    void aFailedNodePausesTheRolloutLaterWavesKeepTheOldPolicyResumeGoesOnPastIt() throws Exception {
        int id = createPolicy(policy("enforce", Map.of("canary", 1, "maxUnavailable", "1", "soak", "0s"))).statusCode(201)
                .extract().path("id");
        applied("r-a");
        await("r-b released", () -> wantsGroOff("r-b"));
        long revision = given().get("/api/v1/nodes/r-b/desired").then().extract().jsonPath().getLong("revision");
        report("r-b", AgentStatusApiTest.withAgent(hypervisor(Map.of("rack", "2"), true),
                Map.of("quarantine", AgentStatusApiTest.quarantine(revision, 0)))).statusCode(200);
        await("paused", () -> "paused".equals(rollout(id).getString("state")));
        JsonPath paused = rollout(id);
        assertTrue(paused.getString("reason").contains("r-b failed in wave 2: the tcp probe of 127.0.0.1:9 failed"), paused.prettify());
        assertEquals("failed", paused.getString("waves[1].nodes[0].state"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("offloadctl_rollouts{state=\"paused\"} 1.0") && metrics.contains("offloadctl_rollout_failed_nodes 1.0"),
                metrics.lines().filter(l -> l.contains("rollout")).toList().toString());
        Thread.sleep(500);
        assertTrue(!wantsGroOff("r-c"), "the third wave keeps the policy as it was");
        // A change while a node waits is refused, naming the way out.
        String etag = given().get("/api/v1/policies/" + id).then().extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag).body(policy("enforce", Fleet.AT_ONCE))
                .put("/api/v1/policies/" + id).then().statusCode(409).body("detail", containsString("/rollout/abort"));
        given().post("/api/v1/policies/" + id + "/rollout/resume").then().statusCode(200).body("state", equalTo("progressing"))
                .body("waves[1].nodes[0].state", equalTo("accepted"));
        await("r-c released", () -> wantsGroOff("r-c"));
        applied("r-c");
        await("the rollout completed", () -> "completed".equals(rollout(id).getString("state")));
        given().post("/api/v1/policies/" + id + "/rollout/pause").then().statusCode(409).body("detail", containsString("completed"));
    }

    @Test
    void abortPutsThePolicyBackEverywhereAndAnAbortedCreationRemovesIt() throws Exception {
        int id = createPolicy(policy("enforce", Map.of("canary", 2, "maxUnavailable", "1", "soak", "1h"))).statusCode(201)
                .extract().path("id");
        assertTrue(wantsGroOff("r-a") && wantsGroOff("r-b") && !wantsGroOff("r-c"));
        given().post("/api/v1/policies/" + id + "/rollout/pause").then().statusCode(200).body("state", equalTo("paused"))
                .body("reason", equalTo("paused by an operator"));
        given().post("/api/v1/policies/" + id + "/rollout/abort").then().statusCode(200).body("state", equalTo("aborted"))
                .body("reason", containsString("r-a, r-b go back"));
        given().get("/api/v1/policies/" + id).then().statusCode(404);
        assertTrue(!wantsGroOff("r-a") && !wantsGroOff("r-b") && !wantsGroOff("r-c"));
        given().post("/api/v1/policies/" + id + "/rollout/abort").then().statusCode(409);
        rollout(id);
    }

    @Test
    void anAbortedUpdateBringsTheEarlierVersionBackAndAnAbortedDeletionThePolicyUnderItsId() throws Exception {
        int id = createPolicy(policy("enforce", Fleet.AT_ONCE)).statusCode(201).extract().path("id");
        assertTrue(wantsGroOff("r-c"));
        Map<String, Object> gso = policy("enforce", Map.of("canary", 1, "maxUnavailable", "1", "soak", "1h"));
        gso.put("features", Map.of("gso", false));
        String etag = given().get("/api/v1/policies/" + id).then().extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag).body(gso).put("/api/v1/policies/" + id).then().statusCode(200);
        given().post("/api/v1/policies/" + id + "/rollout/abort").then().statusCode(200);
        given().get("/api/v1/policies/" + id).then().statusCode(200).header("ETag", "\"3\"")
                .body("policy.features", equalTo(Map.of("rx-gro", false)));
        // Deleting it under restore rolls out (with the rollout it has: at once); then aborting brings it back under its id.
        etag = given().get("/api/v1/policies/" + id).then().extract().header("ETag");
        Map<String, Object> slow = policy("enforce", Map.of("canary", 1, "maxUnavailable", "1", "soak", "1h"));
        given().contentType("application/json").header("If-Match", etag).body(slow).put("/api/v1/policies/" + id).then().statusCode(200);
        // A rollout of nothing (only the rollout settings changed) reaches no node: the earlier one was superseded.
        given().delete("/api/v1/policies/" + id).then().statusCode(204);
        assertEquals("delete", rollout(id).getString("change"));
        assertTrue(wantsGroOff("r-b") && wantsGroOff("r-c") && !wantsGroOff("r-a"), "only the canary has the deletion");
        given().post("/api/v1/policies/" + id + "/rollout/abort").then().statusCode(200);
        given().get("/api/v1/policies/" + id).then().statusCode(200).body("policy.name", equalTo("staged"));
        assertTrue(wantsGroOff("r-a") && wantsGroOff("r-b") && wantsGroOff("r-c"));
    }

    @Test
    void auditPoliciesAndDeletionsUnderKeepTakeEffectAtOnce() {
        int id = createPolicy(policy("audit", null)).statusCode(201).extract().path("id");
        given().get("/api/v1/policies/" + id + "/rollout").then().statusCode(404).body("detail", containsString("audit-mode"));
        assertTrue(wantsGroOff("r-a") && wantsGroOff("r-b") && wantsGroOff("r-c"));
        given().get("/api/v1/rollouts?state=sometimes").then().statusCode(400).body("detail", containsString("progressing"));
        Map<String, Object> kept = policy("enforce", Fleet.AT_ONCE);
        kept.put("name", "kept");
        kept.put("onRemove", "keep");
        int keep = createPolicy(kept).statusCode(201).extract().path("id");
        given().delete("/api/v1/policies/" + keep).then().statusCode(204);
        assertEquals("create", rollout(keep).getString("change"), "the deletion under keep started no rollout");
    }

    @Test
    void badRolloutsAreRefusedNamingTheFieldAndNothingIsStored() {
        createPolicy(policy("enforce", Map.of("maxUnavailable", 2))).statusCode(400).body("detail", containsString("maxUnavailable"));
        createPolicy(policy("enforce", Map.of("canary", 1, "maxUnavialable", "2"))).statusCode(400)
                .body("detail", containsString("maxUnavialable"));
        createPolicy(policy("enforce", Map.of("soak", "1 minute", "spreadBy", "rack;$(reboot)", "maxUnavailable", "0%",
                "verify", Map.of("peer", "$(id)", "threshold", 150)))).statusCode(422)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("rollout.maxUnavailable", "rollout.soak",
                        "rollout.spreadBy", "rollout.verify.peer", "rollout.verify.threshold"));
        createPolicy(policy("enforce", Map.of("verify", Map.of("threshold", 5)))).statusCode(400).body("detail", containsString("peer"));
        given().get("/api/v1/policies").then().statusCode(200).body("size()", equalTo(0));
        given().post("/api/v1/policies/999/rollout/pause").then().statusCode(404);
        given().contentType("application/json").body("{}").post("/api/v1/policies/999/rollout/abort").then().statusCode(404);
    }
}
