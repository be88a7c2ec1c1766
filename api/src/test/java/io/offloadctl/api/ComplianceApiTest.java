package io.offloadctl.api;

import static io.offloadctl.api.Fleet.createPolicy;
import static io.offloadctl.api.Fleet.hypervisor;
import static io.offloadctl.api.Fleet.policy;
import static io.offloadctl.api.Fleet.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(AsAdmin.class)
class ComplianceApiTest {

    @Inject
    Fleet fleet;

    @BeforeEach
    void empty() {
        fleet.clear();
    }

    @Test
    void fleetSummaryAndPerInterfaceStatus() {
        report("hv-1", hypervisor(Map.of("role", "hypervisor"), true)).statusCode(201);
        report("hv-2", hypervisor(Map.of("role", "hypervisor"), false)).statusCode(201);
        report("gw-1", hypervisor(Map.of("role", "gateway"), true)).statusCode(201);
        createPolicy(policy("no-gro", 10, "enforce", Map.of("matchLabels", Map.of("role", "hypervisor"),
                "kinds", List.of("physical")), Map.of("gro", false))).statusCode(201);
        createPolicy(policy("lro-on-taps", 10, "audit", Map.of("matchLabels", Map.of("role", "hypervisor"),
                "kinds", List.of("tap")), Map.of("lro", true))).statusCode(201);

        given().get("/api/v1/compliance").then().statusCode(200)
                .body("nodes.drifted", equalTo(1))
                .body("nodes.unenforceable", equalTo(1))
                .body("nodes.unmanaged", equalTo(1))
                .body("interfaces.drifted", equalTo(1))
                .body("interfaces.unenforceable", equalTo(2))
                .body("interfaces.compliant", equalTo(1))
                .body("interfaces.unmanaged", equalTo(5))
                .body("details.node", contains("gw-1", "hv-1", "hv-2"))
                .body("details[1].interfaces.name", contains("br0", "eno1", "tap0"))
                .body("details[1].interfaces.status", contains("unmanaged", "drifted", "unenforceable"))
                .body("details[1].interfaces[1].deviations[0].setting", equalTo("rx-gro"))
                .body("details[1].interfaces[1].deviations[0].actual", equalTo(true));
        given().get("/api/v1/compliance?status=drifted").then().body("details.node", contains("hv-1"))
                .body("nodes.unmanaged", equalTo(1));
        // A policy that the fleet does not meet yet is no drift: drift is a report moving away from it.
        given().get("/api/v1/events?type=drift").then().body("items", org.hamcrest.Matchers.empty());
        report("hv-2", hypervisor(Map.of("role", "hypervisor"), true)).statusCode(200);
        given().get("/api/v1/events?type=drift").then().body("items.node", contains("hv-2"))
                .body("items[0].detail", equalTo("eno1: rx-gro on, desired off (policy no-gro)"));
    }
}
