package io.offloadctl.api;

import static io.offloadctl.api.Fleet.createPolicy;
import static io.offloadctl.api.Fleet.feature;
import static io.offloadctl.api.Fleet.hypervisor;
import static io.offloadctl.api.Fleet.iface;
import static io.offloadctl.api.Fleet.policy;
import static io.offloadctl.api.Fleet.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What a careless client or an attacker sends, and what each gets back: a problem, never a 500, never a silent change. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(AsAdmin.class)
class HostileInputApiTest {

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
    void empty() {
        fleet.clear();
    }

    /** A hypervisor that also reports its loopback, which has no driver. */
    private static Map<String, Object> withLoopback() {
        Map<String, Object> node = new HashMap<>(hypervisor(Map.of("role", "hypervisor"), true));
        List<Object> interfaces = new ArrayList<>((List<?>) node.get("interfaces"));
        interfaces.add(iface("lo", "loopback", null, Map.of("rx-gro", feature(true, true))));
        node.put("interfaces", interfaces);
        return node;
    }

    @Test
    void aDriverSelectorSkipsInterfacesWithoutADriver() {
        report("hv-1", withLoopback()).statusCode(201);
        Map<String, Object> selector = Map.of("matchLabels", Map.of("role", "hypervisor"), "drivers", List.of("bnxt_en"));
        given().contentType(ContentType.JSON).body(policy("bnxt", 100, "enforce", selector, Map.of("gro", false, "gso", false)))
                .post("/api/v1/policies/preview").then().statusCode(200).body("selectedInterfaces", equalTo(1));
        createPolicy(policy("bnxt", 100, "enforce", selector, Map.of("gro", false, "gso", false))).statusCode(201);
        Map<String, Object> changed = withLoopback();
        changed.put("kernel", "6.18.1");
        report("hv-1", changed).statusCode(200).body("desired.interfaces.name", equalTo(List.of("eno1")));
    }

    @Test
    void aReportWithoutInterfacesIsRefusedAndTheNodeKept() {
        report("hv-1", hypervisor(Map.of("role", "hypervisor"), true)).statusCode(201);
        report("hv-1", Map.of()).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("interfaces"));
        report("hv-1", Map.of("labels", Map.of())).statusCode(400);
        given().get("/api/v1/nodes/hv-1").then().statusCode(200).body("summary.interfaces", equalTo(3))
                .body("summary.labels.role", equalTo("hypervisor"));
    }

    @Test
    void trailingGarbageAByteOrderMarkAndJsonNullAreRefused() throws Exception {
        byte[] report = JSON.writeValueAsBytes(hypervisor(Map.of(), true));
        byte[] trailing = (new String(report, StandardCharsets.UTF_8) + " {\"x\":1}").getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[report.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(report, 0, bom, 3, report.length);
        for (byte[] body : new byte[][] {trailing, bom, "null".getBytes(StandardCharsets.UTF_8)}) {
            HttpResponse<String> answer = Http.send(api.toString(), "PUT", "nodes/hv-2/state", "application/json", body);
            assertEquals(400, answer.statusCode(), answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
        }
        byte[] policy = JSON.writeValueAsBytes(policy("p", 1, "audit", null, Map.of("gro", false)));
        byte[] policyBom = new byte[policy.length + 3];
        System.arraycopy(bom, 0, policyBom, 0, 3);
        System.arraycopy(policy, 0, policyBom, 3, policy.length);
        for (String path : new String[] {"policies", "policies/preview", "tokens", "nodes/hv-2/enactments"}) {
            for (byte[] body : new byte[][] {"null".getBytes(StandardCharsets.UTF_8), policyBom}) {
                HttpResponse<String> answer = Http.send(api.toString(), "POST", path, "application/json", body);
                assertEquals(400, answer.statusCode(), path + ": " + answer.body());
            }
        }
        given().get("/api/v1/nodes").then().body("items", hasSize(0));
        given().get("/api/v1/policies").then().body("", hasSize(0));
    }

    @Test
    void unknownFieldsAreRefusedWithTheirPath() {
        Map<String, Object> typo = new LinkedHashMap<>(policy("typo", 1, "enforce", null, Map.of("gro", false)));
        typo.put("selectors", Map.of("interfaces", List.of("eno1")));
        createPolicy(typo).statusCode(400).body("detail", containsString("unknown field 'selectors'"))
                .body("detail", containsString("selector"));
        createPolicy(policy("typo", 1, "enforce", Map.of("interface", List.of("eno1")), Map.of("gro", false)))
                .statusCode(400).body("detail", containsString("unknown field 'selector.interface'"));
        Map<String, Object> node = new HashMap<>(hypervisor(Map.of(), true));
        node.put("interfacez", List.of());
        report("hv-3", node).statusCode(400).body("detail", containsString("interfacez"));
        given().get("/api/v1/policies").then().body("", hasSize(0));
    }

    @Test
    void valuesAreNotCoerced() {
        given().contentType(ContentType.JSON).body(Map.of("name", "sneaky", "role", 0)).post("/api/v1/tokens").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("name", "sneaky", "role", "ADMIN")).post("/api/v1/tokens").then().statusCode(400);
        for (Object priority : new Object[] {"5", 1.5, true}) {
            Map<String, Object> body = new LinkedHashMap<>(policy("coerced", 0, "enforce", null, Map.of("gro", false)));
            body.put("priority", priority);
            createPolicy(body).statusCode(400).body("detail", containsString("priority"));
        }
        createPolicy(Map.of("name", 5, "mode", "audit", "features", Map.of("gro", false))).statusCode(400);
        createPolicy(Map.of("name", "n", "mode", "audit", "features", Map.of("gro", 0))).statusCode(400);
        createPolicy(policy("extreme", Integer.MIN_VALUE, "enforce", null, Map.of("gro", false))).statusCode(422)
                .body("violations.field", hasItem("priority"));
        given().get("/api/v1/policies").then().body("", hasSize(0));
        given().get("/api/v1/tokens").then().body("role", not(hasItem("agent")));
    }

    @Test
    void nullsInsideADocumentAreRefused() {
        Map<String, Object> labels = new HashMap<>();
        labels.put("role", null);
        createPolicy(policy("nulls", 1, "enforce", Map.of("matchLabels", labels), Map.of("gro", false))).statusCode(400)
                .contentType("application/problem+json");
        List<Object> globs = new ArrayList<>();
        globs.add(null);
        createPolicy(policy("nulls", 1, "enforce", Map.of("interfaces", globs), Map.of("gro", false))).statusCode(400);
    }

    @Test
    void badQueryAndPathValuesAreBadRequestsThatSayWhichParameter() {
        String[][] cases = {{"/api/v1/nodes?status=bogus", "status"}, {"/api/v1/nodes?page=abc", "page"},
                {"/api/v1/nodes?size=99999999999", "size"}, {"/api/v1/events?since=garbage", "since"},
                {"/api/v1/compliance?status=bogus", "status"}, {"/api/v1/policies/abc", "id"},
                {"/api/v1/findings?page=1.5", "page"}, {"/api/v1/verifications?latest=maybe", "latest"}};
        for (String[] c : cases) {
            given().get(c[0]).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString(c[1] + ":"));
        }
        given().delete("/api/v1/tokens/abc").then().statusCode(400).body("detail", containsString("id:"));
    }

    @Test
    void interfaceNamesAreWhatTheKernelAccepts() {
        for (String name : new String[] {"a/b", "a b", "x\ny", ".", "..", "a:1", "sixteen-chars-xx", ""}) {
            Map<String, Object> node = new HashMap<>(hypervisor(Map.of(), true));
            node.put("interfaces", List.of(iface(name, "veth", "veth", Map.of())));
            report("hv-4", node).statusCode(422).body("violations[0].field", equalTo("interfaces[0].name"));
        }
        Map<String, Object> node = new HashMap<>(hypervisor(Map.of(), true));
        node.put("interfaces", List.of(iface("x;touch${IFS}Z", "veth", "veth", Map.of())));
        report("hv-4", node).statusCode(201); // the kernel allows it: renderers must quote it (RenderApiTest)
        Map<String, Object> badLabels = new HashMap<>(hypervisor(Map.of("role", "$(reboot)"), true));
        report("hv-5", badLabels).statusCode(422).body("violations[0].field", equalTo("labels.role"));
    }

    @Test
    void theWorkOfOneRequestIsBounded() throws Exception {
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(iface("v" + i, "veth", "veth", Map.of()));
        }
        Map<String, Object> node = new HashMap<>(hypervisor(Map.of(), true));
        node.put("interfaces", many);
        long started = System.nanoTime();
        report("hv-6", node).statusCode(422).body("detail", containsString("at most 4096"));
        List<String> globs = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            globs.add("eth" + i);
        }
        createPolicy(policy("globs", 1, "enforce", Map.of("interfaces", globs), Map.of("gro", false))).statusCode(422)
                .body("violations[0].field", equalTo("selector.interfaces"));
        createPolicy(policy("kinds", 1, "enforce", Map.of("kinds", java.util.Collections.nCopies(100_000, "veth")),
                Map.of("gro", false))).statusCode(422).body("violations[0].field", equalTo("selector.kinds"));
        Map<String, Boolean> unknown = new LinkedHashMap<>();
        for (int i = 0; i < 100_000; i++) {
            unknown.put("nope-" + i, false);
        }
        HttpResponse<String> preview = Http.send(api.toString(), "POST", "policies/preview", "application/json",
                JSON.writeValueAsBytes(policy("many", 1, "audit", null, unknown)));
        assertEquals(422, preview.statusCode());
        assertTrue(preview.body().length() < 16_000, "the problem stays small: " + preview.body().length());
        Map<String, Boolean> someUnknown = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            someUnknown.put("nope-" + i, false);
        }
        given().contentType(ContentType.JSON).body(policy("some", 1, "audit", null, someUnknown)).post("/api/v1/policies/preview")
                .then().statusCode(422).body("violations", hasSize(51)).body("violations[50].message", containsString("150 more"));
        assertTrue(System.nanoTime() - started < 30_000_000_000L, "refusals are cheap");
    }

    @Test
    void nodeNamesAreCaseInsensitiveAndPathsTakeNoMatrixParameters() throws Exception {
        report("VM-7", hypervisor(Map.of(), true)).statusCode(201);
        report("vm-7", hypervisor(Map.of(), true)).statusCode(200);
        given().get("/api/v1/nodes").then().body("items.name", equalTo(List.of("vm-7")));
        given().get("/api/v1/nodes/Vm-7").then().statusCode(200).body("summary.name", equalTo("vm-7"));
        given().get("/api/v1/events?node=VM-7").then().statusCode(200).body("total", equalTo(1));
        HttpResponse<String> matrix = Http.send(api.toString(), "GET", "nodes/vm-7;x=1", null, null);
        assertEquals(400, matrix.statusCode(), matrix.body());
        HttpResponse<String> matrixReport = Http.send(api.toString(), "PUT", "nodes/a;b/state", "application/json",
                JSON.writeValueAsBytes(hypervisor(Map.of(), true)));
        assertEquals(400, matrixReport.statusCode(), matrixReport.body());
        given().get("/api/v1/nodes/a").then().statusCode(404);
    }

    @Test
    void agentTokensNameARealHostNameAndVerificationsNeedAKnownNode() {
        given().contentType(ContentType.JSON).body(Map.of("name", "bad", "role", "agent", "node", "a;b"))
                .post("/api/v1/tokens").then().statusCode(422).body("violations.field", hasItem("node"));
        String token = given().contentType(ContentType.JSON).body(Map.of("name", "upper", "role", "agent", "node", "HV-9"))
                .post("/api/v1/tokens").then().statusCode(201).body("node", equalTo("hv-9")).extract().path("token");
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(hypervisor(Map.of(), true))
                .put("/api/v1/nodes/Hv-9/state").then().statusCode(201);
        Map<String, Object> verification = Map.of("peer", "198.18.0.2", "interfaces", List.of("eno1"),
                "settings", Map.of("tx-generic-segmentation", false), "beforeBitsPerSecond", 1, "afterBitsPerSecond", 2,
                "thresholdPercent", 5, "seconds", 5, "streams", 1, "kept", true);
        given().contentType(ContentType.JSON).body(verification).post("/api/v1/nodes/nobody/verifications").then().statusCode(404);
        given().contentType(ContentType.JSON).body(verification).post("/api/v1/nodes/hv-9/verifications").then().statusCode(201);
    }

    @Test
    void locationDoesNotEchoTheClientsHost() {
        String location = given().header("Host", "evil.example").contentType(ContentType.JSON)
                .body(policy("located", 1, "audit", null, Map.of("gro", false))).post("/api/v1/policies").then().statusCode(201)
                .extract().header("Location");
        int id = given().get("/api/v1/policies").then().extract().path("[0].id");
        assertEquals("/api/v1/policies/" + id, location);
    }
}
