package io.offloadctl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The committed contract describes the API as it answers, judged by tools nobody here wrote:
 * Spectral's spectral:oas rules find nothing, and Prism, as a validating proxy in front of the
 * packaged API, finds no violation in a replay of every operation (success and error paths) nor in
 * the node binary's own report. Requests that are wrong on purpose are judged by their responses only.
 */
class ContractReplayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CONTRACT = Path.of("..", "openapi", "offloadctl.yaml").toAbsolutePath().normalize();
    private static final Path TOOLS = Path.of("target", "contract-tools").toAbsolutePath();

    static ApiProcess api;
    static Process prism;
    static int prismPort;
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final List<String> VIOLATIONS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(TOOLS);
        for (String file : List.of("package.json", ".spectral.yaml")) {
            Files.copy(Path.of("src", "test", "contract-tools", file), TOOLS.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Processes.Result install = Processes.exec(Map.of(), List.of("sh", "-c", "cd '" + TOOLS
                + "' && npm install --no-audit --no-fund --loglevel=error"));
        assertEquals(0, install.exitCode(), install.output());
        api = ApiProcess.start("contract", "contract-admin", Map.of("OFFLOADCTL_DATA_DIR",
                Path.of("target", "contract-" + ProcessHandle.current().pid()).toAbsolutePath().toString()));
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            prismPort = socket.getLocalPort();
        }
        prism = new ProcessBuilder(TOOLS.resolve("node_modules/.bin/prism").toString(), "proxy", CONTRACT.toString(), api.url(),
                "--host", "127.0.0.1", "--port", String.valueOf(prismPort), "--errors", "false")
                .redirectErrorStream(true).redirectOutput(Path.of("target", "prism.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", prismPort)) {
                break;
            } catch (IOException notYet) {
                assertTrue(prism.isAlive() && System.nanoTime() < deadline, "prism did not start; see target/prism.log");
                Thread.sleep(250);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (prism != null) {
            prism.destroy();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void spectralFindsNothing() throws Exception {
        Processes.Result lint = Processes.exec(Map.of(), List.of(TOOLS.resolve("node_modules/.bin/spectral").toString(), "lint",
                "--fail-severity", "hint", "-r", TOOLS.resolve(".spectral.yaml").toString(), CONTRACT.toString()));
        assertEquals(0, lint.exitCode(), lint.output());
        assertTrue(lint.output().contains("No results"), lint.output());
    }

    @Test
    void aReplayOfEveryOperationAndTheAgentsReportHasNoViolation() throws Exception {
        Map<String, Object> report = Fleet.hypervisor(Map.of("role", "hypervisor"), true);
        Map<String, Object> policy = Fleet.policy("replay", 10, "enforce", Map.of("matchLabels", Map.of("role", "hypervisor"),
                "drivers", List.of("bnxt_en")), Map.of("gro", false, "gso", false));
        ok("PUT", "/api/v1/nodes/hv-1/state", report, 201);
        ok("PUT", "/api/v1/nodes/hv-1/state", report, 200);
        JsonNode created = ok("POST", "/api/v1/policies", policy, 201);
        long id = created.get("id").asLong();
        ok("POST", "/api/v1/policies/preview", policy, 200);
        ok("GET", "/api/v1/policies", null, 200);
        ok("GET", "/api/v1/policies/" + id, null, 200);
        Map<String, Object> changed = new LinkedHashMap<>(policy);
        changed.put("description", "replayed");
        send("PUT", "/api/v1/policies/" + id, changed, Map.of("If-Match", "\"1\""), 200, true);
        send("PUT", "/api/v1/policies/" + id, changed, Map.of("If-Match", "\"1\""), 412, false);
        for (String format : io.offloadctl.model.persist.PersistFormat.wires()) {
            // a policy selecting by driver cannot be said in the formats that name interfaces exactly
            if (format.equals("talos") || format.equals("nmstate")) {
                wrong("GET", "/api/v1/policies/" + id + "/render?format=" + format, null, 422);
            } else {
                ok("GET", "/api/v1/policies/" + id + "/render?format=" + format, null, 200);
            }
            ok("GET", "/api/v1/nodes/hv-1/desired/render?format=" + format, null, 200);
        }
        ok("GET", "/api/v1/nodes", null, 200);
        ok("GET", "/api/v1/nodes?selector=role%3Dhypervisor&status=drifted&page=0&size=10", null, 200);
        ok("GET", "/api/v1/nodes/hv-1", null, 200);
        ok("GET", "/api/v1/nodes/hv-1/desired", null, 200);
        long revision = ok("GET", "/api/v1/nodes/hv-1/desired", null, 200).get("revision").asLong();
        ok("POST", "/api/v1/nodes/hv-1/enactments", Map.of("revision", revision, "result", "applied", "message", "ok",
                "details", List.of(Map.of("interfaceName", "eno1", "setting", "rx-gro", "wanted", false, "actual", false))), 201);
        ok("POST", "/api/v1/nodes/hv-1/verifications", FindingsApiTest.verification("198.18.0.2", 1e6, 2e9, true), 201);
        ok("GET", "/api/v1/verifications?latest=true", null, 200);
        ok("GET", "/api/v1/compliance", null, 200);
        ok("GET", "/api/v1/compliance?status=compliant", null, 200);
        ok("GET", "/api/v1/events", null, 200);
        ok("GET", "/api/v1/events?type=drift&node=hv-1", null, 200);
        ok("GET", "/api/v1/findings?severity=warning", null, 200);
        ok("GET", "/api/v1/features", null, 200);
        JsonNode token = ok("POST", "/api/v1/tokens", Map.of("name", "agent hv-2", "role", "agent", "node", "hv-2"), 201);
        ok("GET", "/api/v1/tokens", null, 200);
        ok("GET", "/api/v1/tokens/self", null, 200);
        ok("POST", "/api/v1/nodes/hv-3/enrollment", null, 201);

        // The node binary's own report, through its client generated from the contract.
        Processes.Result agent = Processes.offloadctl(token.get("token").asText(), "report", "--server",
                "http://127.0.0.1:" + prismPort, "--node", "hv-2", "--label", "role=hypervisor");
        assertEquals(0, agent.exitCode(), agent.output());

        // Error paths: each answer must be as declared, whatever the request.
        wrong("PUT", "/api/v1/nodes/hv-1/state", Map.of(), 400);
        wrong("POST", "/api/v1/policies", Map.of("name", "Bad Name", "mode", "enforce", "features", Map.of("gorp", true)), 422);
        wrong("POST", "/api/v1/policies", policy, 409);
        wrong("GET", "/api/v1/policies/999999", null, 404);
        wrong("GET", "/api/v1/policies/abc", null, 400);
        wrong("GET", "/api/v1/nodes?status=bogus", null, 400);
        wrong("GET", "/api/v1/nodes/nobody", null, 404);
        wrong("GET", "/api/v1/events?type=bogus", null, 400);
        wrong("GET", "/api/v1/policies/" + id + "/render?format=bogus", null, 422);
        wrong("POST", "/api/v1/nodes/hv-1/enactments", Map.of("revision", 999, "result", "applied", "message", "", "details", List.of()), 422);
        wrong("POST", "/api/v1/nodes/nobody/verifications", Map.of("peer", "198.18.0.2", "interfaces", List.of("eno1"),
                "settings", Map.of("rx-gro", false), "beforeBitsPerSecond", 1, "afterBitsPerSecond", 2, "thresholdPercent", 5,
                "seconds", 5, "streams", 1, "kept", true), 404);
        send("GET", "/api/v1/policies", null, Map.of("Authorization", "Bearer nope"), 401, false);
        send("DELETE", "/api/v1/policies/" + id, null, Map.of("Authorization", "Bearer " + token.get("token").asText()), 403, false);
        ok("DELETE", "/api/v1/policies/" + id, null, 204);
        ok("DELETE", "/api/v1/tokens/" + token.get("id").asLong(), null, 204);
        ok("DELETE", "/api/v1/nodes/hv-2", null, 204);
        assertEquals(List.of(), VIOLATIONS, String.join("\n", VIOLATIONS));
    }

    private static JsonNode ok(String method, String path, Object body, int status) throws Exception {
        return send(method, path, body, Map.of(), status, true);
    }

    private static void wrong(String method, String path, Object body, int status) throws Exception {
        send(method, path, body, Map.of(), status, false);
    }

    /** Sends through Prism; records what Prism says the request (when meant to be valid) or the response violates. */
    private static JsonNode send(String method, String path, Object body, Map<String, String> headers, int status,
                                 boolean validRequest) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prismPort + path))
                .timeout(Duration.ofSeconds(30)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (!headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + api.token);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        response.headers().firstValue("sl-violations").ifPresent(header -> {
            try {
                for (JsonNode violation : JSON.readTree(header)) {
                    boolean inRequest = violation.path("location").path(0).asText().equals("request");
                    if (!inRequest || validRequest) {
                        VIOLATIONS.add(method + " " + path + " -> " + response.statusCode() + ": " + violation);
                    }
                }
            } catch (IOException e) {
                VIOLATIONS.add(method + " " + path + ": unreadable sl-violations " + header);
            }
        });
        String type = response.headers().firstValue("Content-Type").orElse("");
        return type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
    }
}
