package io.offloadctl.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Two instances of the packaged PostgreSQL build on one database: whatever one is told, the other
 * answers the same, because neither keeps state of its own.
 */
class TwoInstancesIT {

    static final String TOKEN = "two-instances-admin";
    static Process first;
    static Process second;
    static int firstPort;
    static int secondPort;

    @BeforeAll
    static void startBoth() throws Exception {
        firstPort = freePort();
        secondPort = freePort();
        first = start(firstPort, "first");
        second = start(secondPort, "second");
        awaitHealthy(firstPort);
        awaitHealthy(secondPort);
    }

    @AfterAll
    static void stopBoth() {
        for (Process process : new Process[] {first, second}) {
            if (process != null) {
                process.destroy();
            }
        }
    }

    static Process start(int port, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("offloadctl.test.app"));
        builder.environment().put("OFFLOADCTL_JDBC_URL", System.getProperty("offloadctl.test.pg-url"));
        builder.environment().put("OFFLOADCTL_PORT", String.valueOf(port));
        builder.environment().put("OFFLOADCTL_ADMIN_TOKEN", TOKEN);
        builder.redirectErrorStream(true).redirectOutput(Path.of("target", "instance-" + name + ".log").toFile());
        return builder.start();
    }

    static void awaitHealthy(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("instance on port " + port + " did not become ready; see target/instance-*.log");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static RequestSpecification on(int port) {
        return given().baseUri("http://127.0.0.1").port(port).header("Authorization", "Bearer " + TOKEN);
    }

    @Test
    void whatOneInstanceIsToldTheOtherAnswers() {
        String node = "two-instances-" + ProcessHandle.current().pid();
        String policy = "two-instances-" + ProcessHandle.current().pid();
        int id = on(firstPort).contentType(ContentType.JSON)
                .body(Fleet.policy(policy, 7, "enforce", Map.of("interfaces", List.of("eno1")), Map.of("gro", false)))
                .post("/api/v1/policies").then().statusCode(201).extract().path("id");
        on(secondPort).get("/api/v1/policies/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""));

        on(secondPort).contentType(ContentType.JSON).body(Fleet.hypervisor(Map.of(), true))
                .put("/api/v1/nodes/" + node + "/state").then().statusCode(201);
        on(firstPort).get("/api/v1/nodes/" + node + "/desired").then().statusCode(200)
                .body("interfaces[0].features.rx-gro.policy", equalTo(policy));

        // A write through one instance makes the other's ETag stale.
        on(firstPort).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Fleet.policy(policy, 8, "enforce", Map.of("interfaces", List.of("eno1")), Map.of("gro", false)))
                .put("/api/v1/policies/" + id).then().statusCode(200);
        on(secondPort).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Fleet.policy(policy, 9, "enforce", null, Map.of("gro", false)))
                .put("/api/v1/policies/" + id).then().statusCode(412);

        on(secondPort).get("/api/v1/events?node=" + node).then().body("items.type", hasItem("drift"));
        on(secondPort).delete("/api/v1/policies/" + id).then().statusCode(204);
        on(firstPort).delete("/api/v1/nodes/" + node).then().statusCode(204);
    }
}
