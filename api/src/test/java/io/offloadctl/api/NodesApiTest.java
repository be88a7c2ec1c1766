package io.offloadctl.api;

import static io.offloadctl.api.Fleet.hypervisor;
import static io.offloadctl.api.Fleet.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
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
class NodesApiTest {

    @Inject
    Fleet fleet;

    @BeforeEach
    void empty() {
        fleet.clear();
    }

    @Test
    void firstReportCreatesSameReportChangesNothingAndCarriesTheDesiredState() {
        Fleet.createPolicy(Fleet.policy("no-gro", 10, "enforce", Map.of("drivers", List.of("bnxt_en")), Map.of("gro", false)))
                .statusCode(201);
        report("hv-1", hypervisor(Map.of("role", "hypervisor"), true)).statusCode(201)
                .body("changed", equalTo(true))
                .body("status", equalTo("drifted"))
                .body("desired.revision", equalTo(1))
                .body("desired.interfaces.name", contains("eno1"))
                .body("desired.interfaces[0].features.rx-gro.value", equalTo(false))
                .body("desired.interfaces[0].features.rx-gro.policy", equalTo("no-gro"));
        report("hv-1", hypervisor(Map.of("role", "hypervisor"), true)).statusCode(200)
                .body("changed", equalTo(false)).body("desired.revision", equalTo(1));
        // The agent applied it: compliant now, the desired state (and its revision) unchanged.
        report("hv-1", hypervisor(Map.of("role", "hypervisor"), false)).statusCode(200)
                .body("changed", equalTo(true)).body("status", equalTo("compliant")).body("desired.revision", equalTo(1));
        given().get("/api/v1/events?node=hv-1&type=report").then().statusCode(200)
                .body("items.detail", contains("br0 rx-gro on->off; eno1 rx-gro on->off; tap0 rx-gro on->off",
                        "first report: 3 interfaces"));
    }

    @Test
    void listFiltersBySelectorDriverAndStatusAndPaginates() {
        report("hv-1", hypervisor(Map.of("role", "hypervisor", "rack", "r1"), true)).statusCode(201);
        report("hv-2", hypervisor(Map.of("role", "hypervisor", "rack", "r2"), false)).statusCode(201);
        report("gw-1", Map.of("labels", Map.of("role", "gateway"), "interfaces", List.of(
                Fleet.iface("eth0", "physical", "virtio_net", Map.of("rx-gro", Fleet.feature(true, true)))))).statusCode(201);
        Fleet.createPolicy(Fleet.policy("no-gro", 10, "enforce", Map.of("matchLabels", Map.of("role", "hypervisor")),
                Map.of("gro", false))).statusCode(201);

        given().get("/api/v1/nodes").then().statusCode(200).body("total", equalTo(3))
                .body("items.name", contains("gw-1", "hv-1", "hv-2")).body("items[1].interfaces", equalTo(3));
        given().get("/api/v1/nodes?selector=role=hypervisor,rack!=r2").then().body("items.name", contains("hv-1"));
        given().get("/api/v1/nodes?selector=!rack").then().body("items.name", contains("gw-1"));
        given().get("/api/v1/nodes?driver=virtio_net").then().body("items.name", contains("gw-1"));
        given().get("/api/v1/nodes?status=drifted").then().body("items.name", contains("hv-1"));
        given().get("/api/v1/nodes?status=compliant").then().body("items.name", contains("hv-2"));
        given().get("/api/v1/nodes?status=unmanaged").then().body("items.name", contains("gw-1"));
        given().get("/api/v1/nodes?size=2&page=1").then().body("items.name", contains("hv-2")).body("total", equalTo(3));
    }

    @Test
    void getAndDelete() {
        report("hv-1", hypervisor(Map.of(), true)).statusCode(201);
        given().get("/api/v1/nodes/hv-1").then().statusCode(200)
                .body("summary.name", equalTo("hv-1"))
                .body("report.interfaces", hasSize(3))
                .body("compliance.status", contains("unmanaged", "unmanaged", "unmanaged"));
        given().delete("/api/v1/nodes/hv-1").then().statusCode(204);
        given().get("/api/v1/nodes/hv-1").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", equalTo("no node named 'hv-1'"));
        given().get("/api/v1/nodes/hv-1/desired").then().statusCode(404);
    }

    @Test
    void badReportsAreProblems() {
        report("not a host name", hypervisor(Map.of(), true)).statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("is not a host name"));
        report("hv-1", Map.of("interfaces", List.of(Fleet.iface("eth0", "physical", "x", Map.of()),
                Fleet.iface("eth0", "physical", "x", Map.of())))).statusCode(422)
                .body("detail", equalTo("interfaces[1].name: interface eth0 is reported twice"));
        given().contentType(ContentType.JSON).body("{\"interfaces\": [").put("/api/v1/nodes/hv-1/state").then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        given().contentType(ContentType.TEXT).body("hello").put("/api/v1/nodes/hv-1/state").then()
                .statusCode(415).contentType("application/problem+json");
        given().contentType(ContentType.URLENC).body("kernel=6.18").put("/api/v1/nodes/hv-1/state").then()
                .statusCode(415).contentType("application/problem+json");
        given().get("/api/v1/nodes?size=501").then().statusCode(400).body("violations.field", contains("size"));
        given().get("/api/v1/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"labels\": {\"x\": \"" + "a".repeat(5 * 1024 * 1024) + "\"}}")
                .put("/api/v1/nodes/hv-1/state").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("accepts at most 4194304"));
    }

    @Test
    void enactmentsAreRecordedAgainstARevision() {
        report("hv-1", hypervisor(Map.of(), true)).statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("revision", 1, "result", "rolled-back",
                        "message", "probe failed", "details", List.of(Map.of("interfaceName", "eno1", "setting", "rx-gro",
                                "wanted", false, "actual", true))))
                .post("/api/v1/nodes/hv-1/enactments").then().statusCode(201)
                .body("type", equalTo("enactment"))
                .body("detail", equalTo("revision 1 rolled-back: probe failed; eno1 rx-gro on (wanted off)"));
        given().contentType(ContentType.JSON).body(Map.of("revision", 9, "result", "applied"))
                .post("/api/v1/nodes/hv-1/enactments").then().statusCode(422)
                .body("detail", containsString("revision 9 was never the desired state"));
        given().contentType(ContentType.JSON).body(Map.of("revision", 1, "result", "applied"))
                .post("/api/v1/nodes/nobody/enactments").then().statusCode(404);
    }
}
