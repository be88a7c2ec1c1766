package io.offloadctl.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * Two instances of the packaged PostgreSQL build on one database: whatever one is told, the other
 * answers the same, because neither keeps state of its own.
 */
class TwoInstancesIT {

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
        // Names and labels of this run only, so what other tests left in the database does not matter.
        String run = "two-instances-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        String node = run;
        String policy = run;
        Map<String, Object> selector = Map.of("matchLabels", Map.of("it-run", run), "interfaces", List.of("eno1"));
        int id = first.request().contentType(ContentType.JSON)
                .body(Fleet.policy(policy, 7, "enforce", selector, Map.of("gro", false)))
                .post("/api/v1/policies").then().statusCode(201).extract().path("id");
        second.request().get("/api/v1/policies/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""));

        second.request().contentType(ContentType.JSON).body(Fleet.hypervisor(Map.of("it-run", run), true))
                .put("/api/v1/nodes/" + node + "/state").then().statusCode(201);
        first.request().get("/api/v1/nodes/" + node + "/desired").then().statusCode(200)
                .body("interfaces.find { it.name == 'eno1' }.features.rx-gro.policy", equalTo(policy));

        // A write through one instance makes the other's ETag stale.
        first.request().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Fleet.policy(policy, 8, "enforce", selector, Map.of("gro", false)))
                .put("/api/v1/policies/" + id).then().statusCode(200);
        second.request().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Fleet.policy(policy, 9, "enforce", selector, Map.of("gro", false)))
                .put("/api/v1/policies/" + id).then().statusCode(412);

        second.request().get("/api/v1/events?node=" + node).then().body("items.type", hasItem("drift"));
        second.request().delete("/api/v1/policies/" + id).then().statusCode(204);
        first.request().delete("/api/v1/nodes/" + node).then().statusCode(204);
    }
}
