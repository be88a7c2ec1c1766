package io.offloadctl.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The dashboard end to end: the packaged API serves it, a real agent reports a node (a network
 * namespace with a bridge, its veth and tap ports, and a veth pair with hostile names), and Debian's
 * Chromium, driven by playwright-core (src/test/dashboard/dashboard.mjs), logs in, sees the node,
 * creates a policy through the page, watches the agent make the node compliant (ethtool judges),
 * opens a finding and a verification, and as a viewer finds no edit controls and an API that
 * refuses. Screenshots of every page are kept in target/dashboard-screenshots.
 */
class DashboardIT {

    static final String RUN = "oct-ui-" + ProcessHandle.current().pid();
    static final String NODE = RUN;
    static final String TOKEN = "dashboard-it-admin";
    /** Interface names a browser must show as text: markup, a quote, a command substitution. */
    static final String HOSTILE = "<b>'$(x)";
    static final String HOSTILE_PEER = "q\"1;<i>";
    static final Path SCRIPTS = Path.of("src/test/dashboard");
    static final Path WORK = Path.of("target/dashboard-check");
    static final Path SHOTS = Path.of("target/dashboard-screenshots");

    @Test
    void anOperatorLogsInCreatesAPolicyAndWatchesTheNodeBecomeCompliant() throws Exception {
        Process agent = null;
        ApiProcess api = null;
        try {
            Processes.createNode(NODE);
            Processes.run("ip", "-n", NODE, "link", "add", HOSTILE, "type", "veth", "peer", "name", HOSTILE_PEER);
            Processes.run("ip", "netns", "exec", NODE, "ethtool", "-K", "vb", "gro", "on");
            api = ApiProcess.start("dashboard", TOKEN, Map.of("OFFLOADCTL_DATA_DIR", Path.of("target", RUN).toAbsolutePath().toString()));
            RequestSpecification admin = given().baseUri(api.url()).header("Authorization", "Bearer " + TOKEN);
            String viewer = admin.contentType(ContentType.JSON).body(Map.of("name", "dashboard viewer", "role", "viewer"))
                    .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
            // the agent starts as a DaemonSet's would: with the one shared enroller token, which it exchanges for its own
            String enroller = admin.contentType(ContentType.JSON).body(Map.of("name", "daemonset", "role", "enroller"))
                    .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
            Files.deleteIfExists(Path.of("target", NODE + "-token"));

            ProcessBuilder builder = new ProcessBuilder(System.getProperty("offloadctl.test.node-binary"), "--netns", NODE,
                    "agent", "--server", api.url(), "--node", NODE, "--label", "run=" + RUN, "--interval", "2s",
                    "--drift-poll", "200ms", "--timeout", "2", "--enroll",
                    "--cache", Path.of("target", NODE + ".json").toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(Path.of("target", NODE + "-agent.log").toFile());
            builder.environment().put("OFFLOADCTL_TOKEN", enroller);
            agent = builder.start();
            final ApiProcess started = api;
            AgentIT.await("the node's first report", Duration.ofSeconds(30), () -> given().baseUri(started.url())
                    .header("Authorization", "Bearer " + TOKEN).get("/api/v1/nodes/" + NODE).statusCode() == 200);
            Path kept = Path.of("target", NODE + "-token");
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
            given().baseUri(api.url()).header("Authorization", "Bearer " + Files.readString(kept).strip())
                    .get("/api/v1/tokens/self").then().statusCode(200).body("role", org.hamcrest.Matchers.equalTo("agent"))
                    .body("node", org.hamcrest.Matchers.equalTo(NODE));
            admin.contentType(ContentType.JSON).body(FindingsApiTest.verification("198.18.0.2", 1.4e5, 6.6e9, true))
                    .post("/api/v1/nodes/" + NODE + "/verifications").then().statusCode(201);

            pageHeaders(api.url());
            String output = browse(api.url(), viewer);
            assertTrue(output.contains("\"problems\":[]"), output);
            // the page's policy reached the kernel through the agent
            assertEquals("off", Processes.feature(NODE, "vb", "generic-receive-offload"));
            // the agent is alive while it runs (a DaemonSet's liveness probe), and not once it stopped
            String cacheFile = Path.of("target", NODE + ".json").toAbsolutePath().toString();
            Processes.Result alive = Processes.offloadctl(TOKEN, "alive", "--cache", cacheFile, "--max-age", "30s");
            assertEquals(0, alive.exitCode(), alive.output());
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
            Thread.sleep(2500);
            Processes.Result dead = Processes.offloadctl(TOKEN, "alive", "--cache", cacheFile, "--max-age", "2s");
            assertEquals(1, dead.exitCode(), dead.output());
            assertTrue(dead.output().contains("more than 2 s"), dead.output());
            Processes.Result never = Processes.offloadctl(TOKEN, "alive", "--cache", Path.of("target", RUN + "-none.json").toString());
            assertEquals(1, never.exitCode(), never.output());
            assertTrue(never.output().contains("no agent has run with the cache"), never.output());
            // its token revoked, the agent enrolls again at its next start (and keeps the new one)
            String old = Files.readString(kept).strip();
            long oldId = ((Number) given().baseUri(api.url()).header("Authorization", "Bearer " + old)
                    .get("/api/v1/tokens/self").then().statusCode(200).extract().path("id")).longValue();
            admin.delete("/api/v1/tokens/" + oldId).then().statusCode(204);
            Processes.Result again = Processes.offloadctl(enroller, "--netns", NODE, "agent", "--once", "--enroll", "--server", api.url(),
                    "--node", NODE, "--label", "run=" + RUN, "--timeout", "2", "--cache", cacheFile);
            assertTrue(again.output().contains("enrolling again"), again.output());
            String renewed = Files.readString(kept).strip();
            assertTrue(!renewed.equals(old), "a new token is kept");
            given().baseUri(api.url()).header("Authorization", "Bearer " + renewed).get("/api/v1/tokens/self").then()
                    .statusCode(200).body("role", org.hamcrest.Matchers.equalTo("agent"));
            for (String page : List.of("01-login", "02-fleet", "04-policy-preview", "05-policy", "06-node", "07-findings",
                    "08-verifications", "09-viewer-policy")) {
                assertTrue(Files.size(SHOTS.resolve(page + ".png")) > 10_000, page + " screenshot");
            }
        } finally {
            if (agent != null) {
                agent.destroy();
                agent.waitFor(10, TimeUnit.SECONDS);
            }
            if (api != null) {
                api.close();
            }
            Processes.deleteNamespace(NODE);
        }
    }

    /** The root leads to the dashboard; its files are public and tell the browser to load nothing from elsewhere. */
    private static void pageHeaders(String base) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> root = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/ui/"), root.headers().toString());
        for (String file : List.of("/ui/", "/ui/app.js", "/ui/app.css")) {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + file)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), file);
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"), file + ": " + policy);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""), file);
        }
    }

    private static String browse(String base, String viewer) throws Exception {
        Files.createDirectories(WORK);
        if (Files.isDirectory(SHOTS)) {
            try (var old = Files.list(SHOTS)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        for (String file : List.of("package.json", "dashboard.mjs")) {
            Files.copy(SCRIPTS.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 5);
        return run(List.of("node", "dashboard.mjs"), Map.of("BASE", base, "ADMIN_TOKEN", TOKEN, "VIEWER_TOKEN", viewer,
                "NODE", NODE, "RUN", RUN, "HOSTILE", HOSTILE, "SHOTS", SHOTS.toAbsolutePath().toString()), 4);
    }

    private static String run(List<String> command, Map<String, String> environment, int minutes) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), command + ":\n" + output);
        return output;
    }
}
