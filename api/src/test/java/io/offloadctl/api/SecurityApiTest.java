package io.offloadctl.api;

import static io.offloadctl.api.Fleet.hypervisor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** No anonymous access but health; roles admin, viewer and agent (bound to one node); revocation. */
@QuarkusTest
class SecurityApiTest {

    @Inject
    Fleet fleet;

    @BeforeAll
    static void noDefaultToken() {
        RestAssured.replaceFiltersWith(java.util.List.of());
    }

    @BeforeEach
    void empty() {
        fleet.clear();
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    static String createToken(String name, String role, String node) {
        return newToken(name, role, node).path("token");
    }

    static io.restassured.response.ExtractableResponse<io.restassured.response.Response> newToken(String name, String role, String node) {
        Map<String, Object> body = node == null ? Map.of("name", name, "role", role) : Map.of("name", name, "role", role, "node", node);
        return as(AsAdmin.ADMIN_TOKEN).contentType(ContentType.JSON).body(body).post("/api/v1/tokens")
                .then().statusCode(201).body("token", containsString("oc_")).extract();
    }

    @Test
    void anonymousGetsOnlyHealthAndTheContract() {
        given().get("/q/health").then().statusCode(200);
        given().get("/api/v1/nodes").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("Authorization: Bearer"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi: 3.1.0"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().get("/q/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer")).body("instance", equalTo("/q/metrics"));
        given().get("/q/metrics").then().statusCode(401).contentType("application/problem+json");
        as("oc_not-a-token").get("/api/v1/nodes").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/tokens/self").then().statusCode(401);
        // the dashboard's files are public (its calls carry a token); the root leads there
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/ui/"));
        given().get("/ui/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().get("/ui/app.js").then().statusCode(200).body(containsString("sessionStorage"));
    }

    @Test
    void viewersReadAndCannotWrite() {
        String viewer = createToken("dashboard", "viewer", null);
        as(viewer).get("/api/v1/tokens/self").then().statusCode(200).body("role", equalTo("viewer"))
                .body("name", equalTo("dashboard")).body("token", nullValue()).body("id", notNullValue());
        as(viewer).get("/api/v1/nodes").then().statusCode(200);
        as(viewer).get("/api/v1/compliance").then().statusCode(200);
        as(viewer).contentType(ContentType.JSON).body(Fleet.policy("p", 1, "enforce", null, Map.of("gro", false)))
                .post("/api/v1/policies").then().statusCode(403).contentType("application/problem+json");
        as(viewer).get("/api/v1/tokens").then().statusCode(403);
        as(viewer).contentType(ContentType.JSON).body(hypervisor(Map.of(), true)).put("/api/v1/nodes/hv-1/state")
                .then().statusCode(403);
    }

    @Test
    void anEnrollerGetsEachNodeATokenOfItsOwnAndCanDoNothingElse() {
        String enroller = createToken("daemonset", "enroller", null);
        as(enroller).get("/api/v1/tokens/self").then().statusCode(200).body("role", equalTo("enroller"));
        String first = as(enroller).post("/api/v1/nodes/HV-9/enrollment").then().statusCode(201)
                .body("role", equalTo("agent")).body("node", equalTo("hv-9")).body("token", containsString("oc_"))
                .extract().path("token");
        as(first).contentType(ContentType.JSON).body(hypervisor(Map.of(), true)).put("/api/v1/nodes/hv-9/state").then().statusCode(201);
        as(first).contentType(ContentType.JSON).body(hypervisor(Map.of(), true)).put("/api/v1/nodes/hv-8/state").then().statusCode(403);
        // a node enrolled again (re-installed): only its newest token works; other nodes' tokens stay
        String other = as(enroller).post("/api/v1/nodes/hv-8/enrollment").then().statusCode(201).extract().path("token");
        String second = as(enroller).post("/api/v1/nodes/hv-9/enrollment").then().statusCode(201).extract().path("token");
        as(first).get("/api/v1/nodes/hv-9/desired").then().statusCode(401);
        as(second).get("/api/v1/nodes/hv-9/desired").then().statusCode(200);
        as(other).contentType(ContentType.JSON).body(hypervisor(Map.of(), true)).put("/api/v1/nodes/hv-8/state").then().statusCode(201);
        // an enroller reads and writes nothing else; agents and viewers cannot enroll
        as(enroller).get("/api/v1/nodes").then().statusCode(403);
        as(enroller).contentType(ContentType.JSON).body(hypervisor(Map.of(), true)).put("/api/v1/nodes/hv-9/state").then().statusCode(403);
        as(enroller).get("/api/v1/tokens").then().statusCode(403);
        as(second).post("/api/v1/nodes/hv-9/enrollment").then().statusCode(403);
        as(createToken("v", "viewer", null)).post("/api/v1/nodes/hv-9/enrollment").then().statusCode(403);
        as(enroller).post("/api/v1/nodes/a;b/enrollment").then().statusCode(422).contentType("application/problem+json");
        as(AsAdmin.ADMIN_TOKEN).contentType(ContentType.JSON).body(Map.of("name", "bad", "role", "enroller", "node", "hv-1"))
                .post("/api/v1/tokens").then().statusCode(422).body("violations[0].message", equalTo("is only for agent tokens"));
    }

    @Test
    void agentsActForTheirOwnNodeOnly() {
        String agent = createToken("agent on hv-1", "agent", "hv-1");
        as(agent).get("/api/v1/tokens/self").then().statusCode(200).body("role", equalTo("agent")).body("node", equalTo("hv-1"));
        as(agent).contentType(ContentType.JSON).body(hypervisor(Map.of(), true)).put("/api/v1/nodes/hv-1/state")
                .then().statusCode(201);
        as(agent).get("/api/v1/nodes/hv-1/desired").then().statusCode(200).body("revision", equalTo(1));
        as(agent).contentType(ContentType.JSON).body(Map.of("revision", 1, "result", "applied"))
                .post("/api/v1/nodes/hv-1/enactments").then().statusCode(201);

        as(agent).contentType(ContentType.JSON).body(hypervisor(Map.of(), true)).put("/api/v1/nodes/hv-2/state")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("this agent token is bound to node 'hv-1', not 'hv-2'"));
        as(agent).get("/api/v1/nodes/hv-2/desired").then().statusCode(403);
        as(agent).get("/api/v1/nodes").then().statusCode(403);
        as(agent).get("/api/v1/policies").then().statusCode(403);
        as(agent).delete("/api/v1/nodes/hv-1").then().statusCode(403);
    }

    @Test
    void tokensAreListedWithoutValuesAndRevocationIsImmediate() {
        var created = newToken("revocable agent", "agent", "hv-1");
        String agent = created.path("token");
        int id = created.path("id");
        as(AsAdmin.ADMIN_TOKEN).get("/api/v1/tokens").then().statusCode(200)
                .body("", everyItem(not(hasKey("token"))))
                .body("find { it.id == " + id + " }.name", equalTo("revocable agent"));
        as(agent).get("/api/v1/nodes/hv-1/desired").then().statusCode(404);
        as(AsAdmin.ADMIN_TOKEN).delete("/api/v1/tokens/" + id).then().statusCode(204);
        as(agent).get("/api/v1/nodes/hv-1/desired").then().statusCode(401);
        as(AsAdmin.ADMIN_TOKEN).contentType(ContentType.JSON).body(Map.of("name", "x", "role", "agent"))
                .post("/api/v1/tokens").then().statusCode(422).body("violations[0].field", equalTo("node"));
    }
}
