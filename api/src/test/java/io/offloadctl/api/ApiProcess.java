package io.offloadctl.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged API started as its own process for end-to-end tests, through its distribution's
 * launcher (failsafe's offloadctl.test.api), on a free port, with an admin token. The launcher picks
 * the H2 or the PostgreSQL build from OFFLOADCTL_JDBC_URL in the given environment, as an operator's
 * configuration does.
 */
final class ApiProcess implements AutoCloseable {

    final int port;
    final String token;
    final Path log;
    private final Process process;

    private ApiProcess(int port, String token, Path log, Process process) {
        this.port = port;
        this.token = token;
        this.log = log;
        this.process = process;
    }

    /** A system property set by failsafe, or null when Maven left it unresolved. */
    static String property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? null : value;
    }

    /** Starts the API; with a null token, OFFLOADCTL_ADMIN_TOKEN is left unset. */
    static ApiProcess start(String name, String token, Map<String, String> environment) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return start(name, token, environment, port);
    }

    /** Starts the API on a given port (to restart an API where its agents expect it). */
    static ApiProcess start(String name, String token, Map<String, String> environment, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("offloadctl.test.api"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("OFFLOADCTL_JDBC_URL");
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(environment);
        builder.environment().put("OFFLOADCTL_PORT", String.valueOf(port));
        builder.environment().remove("OFFLOADCTL_ADMIN_TOKEN");
        if (token != null) {
            builder.environment().put("OFFLOADCTL_ADMIN_TOKEN", token);
        }
        Path log = Path.of("target", "api-" + name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        ApiProcess api = new ApiProcess(port, token, log, builder.start());
        try {
            api.awaitReady();
            return api;
        } catch (Exception e) {
            api.close();
            throw e;
        }
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the API on port " + port + " did not become ready; see target/api-*.log");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    RequestSpecification request() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(port).header("Authorization", "Bearer " + token);
    }

    /** SIGSTOP: the process hangs; the kernel still accepts TCP connections into its listen backlog. */
    void pause() throws Exception {
        Processes.run("kill", "-STOP", String.valueOf(process.pid()));
    }

    /** SIGCONT after {@link #pause()}. */
    void resume() throws Exception {
        Processes.run("kill", "-CONT", String.valueOf(process.pid()));
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or the OOM killer would end it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                resume();
            } catch (Exception notPaused) {
                // it ends anyway
            }
        }
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
