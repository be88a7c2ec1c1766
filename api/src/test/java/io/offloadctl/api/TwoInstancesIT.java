package io.offloadctl.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasItem;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * Two instances of the packaged PostgreSQL build on one database: whatever one is told, the other
 * answers the same, because neither keeps state of its own.
 */
class TwoInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ApiProcess first;
    static ApiProcess second;

    @BeforeAll
    static void startBoth() throws Exception {
        String pg = ApiProcess.property("offloadctl.test.pg-url");
        Assumptions.assumeTrue(pg != null, "no PostgreSQL for the tests (run-tests starts one)");
        Map<String, String> environment = Map.of("OFFLOADCTL_JDBC_URL", pg);
        first = ApiProcess.start("first", "two-instances-admin", environment);
        second = ApiProcess.start("second", "two-instances-admin", environment);
    }

    @AfterAll
    static void stopBoth() {
        for (ApiProcess api : new ApiProcess[] {first, second}) {
            if (api != null) {
                api.close();
            }
        }
    }

    @Test
    void whatOneInstanceIsToldTheOtherAnswers() {
        // Names and labels of this run only, and a priority above any other test's policy, so what other tests left
        // in the database does not matter.
        String run = "two-instances-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        String node = run;
        String policy = run;
        Map<String, Object> selector = Map.of("matchLabels", Map.of("it-run", run), "interfaces", List.of("eno1"));
        int id = first.request().contentType(ContentType.JSON)
                .body(Fleet.policy(policy, 900_007, "enforce", selector, Map.of("gro", false)))
                .post("/api/v1/policies").then().statusCode(201).extract().path("id");
        second.request().get("/api/v1/policies/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""));

        second.request().contentType(ContentType.JSON).body(Fleet.hypervisor(Map.of("it-run", run), true))
                .put("/api/v1/nodes/" + node + "/state").then().statusCode(201);
        first.request().get("/api/v1/nodes/" + node + "/desired").then().statusCode(200)
                .body("interfaces.find { it.name == 'eno1' }.features.rx-gro.policy", equalTo(policy));

        // A write through one instance makes the other's ETag stale.
        first.request().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Fleet.policy(policy, 900_008, "enforce", selector, Map.of("gro", false)))
                .put("/api/v1/policies/" + id).then().statusCode(200);
        second.request().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Fleet.policy(policy, 900_009, "enforce", selector, Map.of("gro", false)))
                .put("/api/v1/policies/" + id).then().statusCode(412);

        second.request().get("/api/v1/events?node=" + node).then().body("items.type", hasItem("drift"));
        second.request().delete("/api/v1/policies/" + id).then().statusCode(204);
        first.request().delete("/api/v1/nodes/" + node).then().statusCode(204);
    }

    @Test
    void writersOnBothInstancesAtOnceStillGetOneWinner() throws Exception {
        String run = "two-writers-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        Map<String, Object> selector = Map.of("matchLabels", Map.of("it-run", run));
        int id = first.request().contentType(ContentType.JSON).body(Fleet.policy(run, 1, "audit", selector, Map.of("gro", false)))
                .post("/api/v1/policies").then().statusCode(201).extract().path("id");
        // Twenty writers holding one ETag, alternating between the instances: one wins.
        List<HttpResponse<String>> puts = Http.parallel(20, i -> write(i % 2 == 0 ? first : second, "PUT", "/api/v1/policies/" + id,
                Fleet.policy(run, 100 + i, "audit", selector, Map.of("gro", false))));
        assertEquals(1, Http.count(puts, 200), () -> statuses(puts));
        assertEquals(19, Http.count(puts, 412), () -> statuses(puts));
        // Twenty creates of one name, alternating: one is created, the others are told the name is taken.
        List<HttpResponse<String>> creates = Http.parallel(20, i -> write(i % 2 == 0 ? first : second, "POST", "/api/v1/policies",
                Fleet.policy(run + "-same", i, "audit", selector, Map.of("gro", false))));
        assertEquals(1, Http.count(creates, 201), () -> statuses(creates));
        assertEquals(19, Http.count(creates, 409), () -> statuses(creates));
        second.request().delete("/api/v1/policies/" + id).then().statusCode(204);
        int same = first.request().get("/api/v1/policies").then().extract().path("find { it.policy.name == '" + run + "-same' }.id");
        first.request().delete("/api/v1/policies/" + same).then().statusCode(204);
    }

    /** A write to one instance with its admin token (If-Match "1" on PUTs). */
    private static HttpRequest write(ApiProcess api, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.url() + path))
                .header("Authorization", "Bearer " + api.token).header("Content-Type", "application/json");
        if (method.equals("PUT")) {
            request.header("If-Match", "\"1\"");
        }
        try {
            return request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String statuses(List<HttpResponse<String>> answers) {
        return answers.stream().map(r -> String.valueOf(r.statusCode())).toList().toString();
    }
}
