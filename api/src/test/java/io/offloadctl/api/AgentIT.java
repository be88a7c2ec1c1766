package io.offloadctl.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Agents against the packaged API, one per "node" (a network namespace with a bridge, veth ports
 * and a tap), run from the root namespace with --netns; ethtool inside each node is the judge.
 */
class AgentIT {

    static final String RUN = "oct-agent-" + ProcessHandle.current().pid();
    static final List<String> NODES = List.of(RUN + "-a", RUN + "-b", RUN + "-c");
    static final String TOKEN = "agent-it-admin";
    static Map<String, String> environment;
    static ApiProcess api;
    static final List<Process> agents = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        for (String node : NODES) {
            Processes.createNode(node);
            Processes.run("ip", "netns", "exec", node, "ethtool", "-K", "vb", "gro", "on", "gso", "on");
        }
        environment = Map.of("OFFLOADCTL_DATA_DIR", Path.of("target", RUN).toAbsolutePath().toString());
        api = ApiProcess.start("agent", TOKEN, environment);
        admin().contentType(ContentType.JSON).body(Fleet.policy("bridge-ports-no-gro-gso", 10, "enforce",
                        Map.of("matchLabels", Map.of("run", RUN), "interfaces", List.of("vb", "tap*")),
                        Map.of("gro", false, "gso", false)))
                .post("/api/v1/policies").then().statusCode(201);
        for (String node : NODES) {
            agents.add(agent(node, List.of()));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        agents.forEach(Process::destroy);
        if (api != null) {
            api.close();
        }
        for (String node : NODES) {
            Processes.deleteNamespace(node);
        }
    }

    static Process agent(String node, List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("offloadctl.test.node-binary"), "--netns", node,
                "agent", "--server", api.url(), "--node", node, "--label", "run=" + RUN, "--interval", "2s",
                "--drift-poll", "200ms", "--timeout", "2", "--cache", Path.of("target", node + ".json").toAbsolutePath().toString()));
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", node + "-agent.log").toFile());
        builder.environment().put("OFFLOADCTL_TOKEN", TOKEN);
        return builder.start();
    }

    static RequestSpecification admin() {
        return given().baseUri(api.url()).header("Authorization", "Bearer " + TOKEN);
    }

    static boolean off(String node, String iface) throws Exception {
        String features = Processes.features(node, iface);
        return features.contains("generic-receive-offload: off\n") && features.contains("generic-segmentation-offload: off\n");
    }

    static void await(String what, Duration limit, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + limit.toSeconds() + " s; see target/*-agent.log");
            }
            Thread.sleep(100);
        }
    }

    static double reports(String kind) {
        String metrics = admin().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^offloadctl_reports_total\\{kind=\"" + kind + "\"[^}]*} (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void theFleetConvergesDriftIsRepairedAndTheCacheCarriesAnOutage() throws Exception {
        for (String node : NODES) {
            await(node + " enforced", Duration.ofSeconds(30), () -> off(node, "vb") && off(node, "tap0"));
            assertTrue(Processes.features(node, "va").contains("generic-segmentation-offload: on\n"), "va is not selected");
        }
        await("compliance", Duration.ofSeconds(10), () -> NODES.stream().allMatch(node -> "compliant".equals(
                admin().get("/api/v1/nodes/" + node).then().extract().path("summary.status"))));

        // A converged agent's reports differ from the last in their counters only: they take the hot path.
        double samples = reports("sample");
        double configurations = reports("configuration");
        await("counters-only reports", Duration.ofSeconds(15), () -> reports("sample") >= samples + 2 * NODES.size());
        assertTrue(reports("configuration") - configurations < reports("sample") - samples,
                "most reports of converged agents are samples");

        // A manual ethtool -K is repaired within 5 s, and the enactment is recorded.
        String node = NODES.get(0);
        Processes.run("ip", "netns", "exec", node, "ethtool", "-K", "vb", "gro", "on");
        long started = System.nanoTime();
        await("drift repair", Duration.ofSeconds(5), () -> off(node, "vb"));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos());
        await("enactment event", Duration.ofSeconds(5), () -> admin().get("/api/v1/events?type=enactment&node=" + node)
                .then().extract().jsonPath().getList("items.detail").stream().anyMatch(d -> d.toString().contains("vb rx-gro off")));

        // The API dies: agents keep enforcing from their cache.
        int port = api.port;
        api.close();
        Processes.run("ip", "netns", "exec", node, "ethtool", "-K", "tap0", "gso", "on");
        await("repair without the API", Duration.ofSeconds(5), () -> off(node, "tap0"));
        assertTrue(Files.readString(Path.of("target", node + ".json")).contains("\"revision\""));

        // It comes back on the same data: nothing acknowledged is lost, the agents resume.
        api = ApiProcess.start("agent-restarted", TOKEN, environment, port);
        admin().get("/api/v1/policies").then().body("policy.name", hasItem("bridge-ports-no-gro-gso"));
        String before = admin().get("/api/v1/nodes/" + node).then().extract().path("summary.reportedAt");
        await("agents resume", Duration.ofSeconds(15), () -> !before.equals(
                admin().get("/api/v1/nodes/" + node).then().extract().path("summary.reportedAt")));
    }

    @Test
    void aFailingProbeRollsBackAndBadTokensChangeNothing() throws Exception {
        String node = RUN + "-probe";
        Processes.createNode(node);
        try {
            String before = Processes.features(node, "vb");
            // A probe target that answers the probe before the change and refuses the one after it.
            Processes.Result once;
            try (OneShotListener probe = new OneShotListener()) {
                once = Processes.offloadctl(TOKEN, "--netns", node, "agent", "--once", "--server", api.url(),
                        "--node", node, "--label", "run=" + RUN, "--probe", "127.0.0.1:" + probe.port(), "--timeout", "1",
                        "--cache", Path.of("target", node + ".json").toAbsolutePath().toString());
            }
            assertEquals(1, once.exitCode(), once.output());
            assertTrue(once.output().contains("rolled back"), once.output());
            assertEquals(before, Processes.features(node, "vb"), "the checkpoint is restored");
            admin().get("/api/v1/events?type=enactment&node=" + node).then()
                    .body("items[0].detail", org.hamcrest.Matchers.containsString("rolled-back"));

            Processes.Result wrong = Processes.offloadctl("oc_wrong", "--netns", node, "agent", "--once", "--server", api.url(),
                    "--node", node, "--cache", Path.of("target", node + "-wrong.json").toAbsolutePath().toString());
            assertNotEquals(0, wrong.exitCode());
            assertTrue(wrong.output().contains("the API answered 401"), wrong.output());
            // Running on (not --once), a refusal for good ends the agent as well, instead of leaving it unheard.
            Processes.Result running = Processes.offloadctl("oc_wrong", "--netns", node, "agent", "--server", api.url(),
                    "--node", node, "--interval", "2s", "--cache", Path.of("target", node + "-wrong.json").toAbsolutePath().toString());
            assertNotEquals(0, running.exitCode());
            assertTrue(running.output().contains("the API answered 401"), running.output());
            assertEquals(before, Processes.features(node, "vb"));

            String agentToken = admin().contentType(ContentType.JSON)
                    .body(Map.of("name", "agent for " + node, "role", "agent", "node", node))
                    .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
            Processes.Result other = Processes.offloadctl(agentToken, "--netns", node, "agent", "--once", "--server", api.url(),
                    "--node", NODES.get(0), "--cache", Path.of("target", node + "-other.json").toAbsolutePath().toString());
            assertNotEquals(0, other.exitCode());
            assertTrue(other.output().contains("the API answered 403"), other.output());

            int tokenId = admin().get("/api/v1/tokens").then().extract().path("find { it.name == 'agent for " + node + "' }.id");
            admin().delete("/api/v1/tokens/" + tokenId).then().statusCode(204);
            Processes.Result revoked = Processes.offloadctl(agentToken, "--netns", node, "agent", "--once", "--server", api.url(),
                    "--node", node, "--cache", Path.of("target", node + "-revoked.json").toAbsolutePath().toString());
            assertNotEquals(0, revoked.exitCode());
            assertTrue(revoked.output().contains("the API answered 401"), revoked.output());
            assertEquals(before, Processes.features(node, "vb"));
            admin().get("/api/v1/nodes/" + NODES.get(0)).then().statusCode(200).body("summary.name", equalTo(NODES.get(0)));
        } finally {
            Processes.deleteNamespace(node);
        }
    }
}
