package io.offloadctl.api;

import static io.offloadctl.api.Fleet.createPolicy;
import static io.offloadctl.api.Fleet.hypervisor;
import static io.offloadctl.api.Fleet.policy;
import static io.offloadctl.api.Fleet.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.junit.QuarkusTest;

/** /q/metrics: Prometheus text with the fleet gauges and request metrics; not anonymous. */
@QuarkusTest
@ExtendWith(AsAdmin.class)
class MetricsApiTest {

    @Inject
    Fleet fleet;

    @BeforeEach
    void empty() {
        fleet.clear();
    }

    @Test
    void fleetGaugesAndRequestMetrics() throws Exception {
        report("hv-1", hypervisor(Map.of(), true)).statusCode(201);
        report("hv-2", hypervisor(Map.of(), false)).statusCode(201);
        createPolicy(policy("no-gro", 1, "enforce", Map.of("kinds", List.of("physical")), Map.of("gro", false, "lro", true)))
                .statusCode(201);
        Thread.sleep(1100); // the gauges re-read the database at most once a second
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("offloadctl_nodes{status=\"drifted\"} 1.0"))
                .body(containsString("offloadctl_nodes{status=\"unenforceable\"} 1.0"))
                .body(containsString("offloadctl_interfaces{status=\"unmanaged\"} 4.0"))
                .body(containsString("offloadctl_unenforceable_features 2.0"))
                .body(containsString("http_server_requests_seconds_count{"));
        given().header("Authorization", "Bearer nope").get("/q/metrics").then().statusCode(401);
    }
}
