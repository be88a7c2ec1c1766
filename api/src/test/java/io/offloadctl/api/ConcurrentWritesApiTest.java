package io.offloadctl.api;

import static io.offloadctl.api.Fleet.createPolicy;
import static io.offloadctl.api.Fleet.hypervisor;
import static io.offloadctl.api.Fleet.policy;
import static io.offloadctl.api.Fleet.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What concurrent writers see: of writers holding one ETag exactly one wins; writes that each
 * re-evaluate the fleet never collide; a taken name is a 409, whoever asked first.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(AsAdmin.class)
class ConcurrentWritesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Fleet fleet;

    @TestHTTPResource("/api/v1/")
    URL api;

    /** Fleet-wide policies left behind would decide features in later tests (and the packaged-API tests on PostgreSQL). */
    @AfterEach
    void leaveNothing() {
        fleet.clear();
    }

    @BeforeEach
    void fleetOfTen() {
        fleet.clear();
        for (int i = 0; i < 10; i++) {
            report("hv-" + i, hypervisor(Map.of("role", "hypervisor"), true)).statusCode(201);
        }
    }

    @Test
    void ofTwentyPutsWithOneETagExactlyOneWins() throws Exception {
        int id = createPolicy(policy("contested", 1, "enforce", null, Map.of("gro", false))).statusCode(201).extract().path("id");
        List<HttpResponse<String>> answers = Http.parallel(20, i -> Http.request(api.toString(), "policies/" + id)
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(json(policy("contested", 100 + i, "enforce", null, Map.of("gro", false)))))
                .build());
        assertEquals(1, Http.count(answers, 200), () -> statuses(answers));
        assertEquals(19, Http.count(answers, 412), () -> statuses(answers));
        int winner = answers.stream().filter(r -> r.statusCode() == 200).findFirst().map(answers::indexOf).orElseThrow();
        given().get("/api/v1/policies/" + id).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("policy.priority", equalTo(100 + winner));
        given().get("/api/v1/events?type=policy-changed").then().body("items", hasSize(1));
    }

    @Test
    void ofTwentyDeletesWithOneETagOneDeletesAndTheOthersAreTold() throws Exception {
        int id = createPolicy(policy("doomed", 1, "enforce", null, Map.of("gro", false))).statusCode(201).extract().path("id");
        List<HttpResponse<String>> answers = Http.parallel(20, i -> Http.request(api.toString(), "policies/" + id)
                .header("If-Match", "\"1\"").DELETE().build());
        assertEquals(1, Http.count(answers, 204), () -> statuses(answers));
        assertEquals(19, Http.count(answers, 404) + Http.count(answers, 412), () -> statuses(answers));
        answers.stream().filter(r -> r.statusCode() != 204)
                .forEach(r -> assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("")));
        given().get("/api/v1/events?type=policy-deleted").then().body("items", hasSize(1));
    }

    @Test
    void parallelCreatesWithDistinctNamesAllLandAndEveryNodeSeesThem() throws Exception {
        List<HttpResponse<String>> answers = Http.parallel(20, i -> post(policy("p" + i, i, "enforce",
                Map.of("interfaces", List.of("eno1")), Map.of(i % 2 == 0 ? "gro" : "gso", false))));
        assertEquals(20, Http.count(answers, 201), () -> statuses(answers));
        given().get("/api/v1/policies").then().body("", hasSize(20));
        // Every node was evaluated against all twenty: gro from the highest even priority, gso from the highest odd.
        for (int n = 0; n < 10; n++) {
            given().get("/api/v1/nodes/hv-" + n + "/desired").then().statusCode(200)
                    .body("interfaces.find { it.name == 'eno1' }.features.rx-gro.policy", equalTo("p18"))
                    .body("interfaces.find { it.name == 'eno1' }.features.tx-generic-segmentation.policy", equalTo("p19"));
        }
    }

    @Test
    void parallelCreatesOfOneNameGiveOneCreatedAndConflicts() throws Exception {
        List<HttpResponse<String>> answers = Http.parallel(20, i -> post(policy("same", i, "audit", null, Map.of("gro", false))));
        assertEquals(1, Http.count(answers, 201), () -> statuses(answers));
        assertEquals(19, Http.count(answers, 409), () -> statuses(answers));
    }

    @Test
    void reportsDuringPolicyWritesEndEvaluatedAgainstTheLastPolicies() throws Exception {
        // Policies and reports (first reports of new nodes and changed reports of known ones) at once.
        List<HttpResponse<String>> answers = Http.parallel(30, i -> i % 3 == 0
                ? post(policy("w" + i, i, "enforce", null, Map.of("gro", false)))
                : Http.request(api.toString(), "nodes/" + (i % 3 == 1 ? "new-" + i : "hv-" + (i % 10)) + "/state")
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json(hypervisor(Map.of("role", "hypervisor", "i", "v" + i), i % 2 == 0))))
                        .build());
        answers.forEach(r -> assertEquals(true, r.statusCode() == 200 || r.statusCode() == 201, r::body));
        for (int i = 1; i < 30; i += 3) {
            given().get("/api/v1/nodes/new-" + i + "/desired").then().statusCode(200)
                    .body("interfaces.find { it.name == 'eno1' }.features.rx-gro.policy", equalTo("w27"));
        }
        for (int n = 0; n < 10; n++) {
            given().get("/api/v1/nodes/hv-" + n + "/desired").then().statusCode(200)
                    .body("interfaces.find { it.name == 'eno1' }.features.rx-gro.policy", equalTo("w27"));
        }
    }

    private HttpRequest post(Object body) {
        return Http.request(api.toString(), "policies").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String statuses(List<HttpResponse<String>> answers) {
        return answers.stream().map(r -> r.statusCode() + (r.statusCode() >= 500 ? " " + r.body() : "")).toList().toString();
    }
}
