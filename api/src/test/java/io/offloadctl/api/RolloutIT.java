package io.offloadctl.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Staged rollouts end to end: the packaged API, six agents run with --netns on namespace nodes in
 * two racks, ethtool -k inside each node as the judge. A policy goes to the canary alone, then in
 * waves of at most maxUnavailable, never a whole rack, each after the one before soaked; a node whose
 * probe fails pauses it with the later waves untouched; resume goes on past it; abort sends the
 * changed nodes back (onRemove restore: what ethtool showed before) and leaves the others; a
 * deletion under restore rolls the originals back in waves, to exactly what ethtool -k showed before
 * the policy. And a verify-gated rollout of tso off gso off on the fault lab (bench/fault-lab.sh): kept
 * on the broken path, where it restores throughput, rolled back on the clean one, where it costs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolloutIT {

    static final String RUN = "oct-roll-" + ProcessHandle.current().pid();
    static final String TOKEN = "rollout-it-admin";
    static final List<String> RACK_A = List.of(RUN + "-a1", RUN + "-a2", RUN + "-a3");
    static final List<String> RACK_B = List.of(RUN + "-b1", RUN + "-b2", RUN + "-b3");
    static final List<String> NODES = List.of(RACK_A.get(0), RACK_B.get(0), RACK_A.get(1), RACK_B.get(1), RACK_A.get(2), RACK_B.get(2));
    /** The second wave's rack-b node: its probe target accepts the probe before its first change only. */
    static final String FAILING = RACK_B.get(0);
    static final List<Process> processes = new ArrayList<>();
    static final List<String> namespaces = new ArrayList<>();
    static final List<String> labs = new ArrayList<>();
    static final Map<String, String> before = new HashMap<>();
    static ApiProcess api;
    static OneShotListener probe;

    @BeforeAll
    static void start() throws Exception {
        api = ApiProcess.start("rollout", TOKEN, Map.of("OFFLOADCTL_DATA_DIR", Path.of("target", RUN).toAbsolutePath().toString(),
                "OFFLOADCTL_ROLLOUT_TICK", "200ms"));
        probe = new OneShotListener();
        for (String node : NODES) {
            namespaces.add(node);
            Processes.createNode(node);
            Processes.run("ip", "netns", "exec", node, "ethtool", "-K", "vb", "gro", "on", "gso", "on");
            before.put(node, Processes.features(node, "vb"));
            List<String> extra = new ArrayList<>(List.of("--label", "test=rollout", "--label", "rack=" + (RACK_A.contains(node) ? "a" : "b")));
            if (node.equals(FAILING)) {
                extra.addAll(List.of("--probe", "127.0.0.1:" + probe.port()));
            }
            agent(node, node, extra);
        }
        await("six nodes reporting", Duration.ofSeconds(60), () -> NODES.stream().allMatch(n ->
                admin().get("/api/v1/nodes/" + n).statusCode() == 200));
    }

    @AfterAll
    static void stop() throws Exception {
        processes.forEach(Process::destroy);
        if (probe != null) {
            probe.close();
        }
        if (api != null) {
            api.close();
        }
        for (String namespace : namespaces) {
            Processes.deleteNamespace(namespace);
        }
        for (String lab : labs) {
            Processes.run("sh", FaultLabScript.PATH, "down", lab);
        }
    }

    /** bench/fault-lab.sh, from the api module. */
    static final class FaultLabScript {
        static final String PATH = Path.of("..", "bench", "fault-lab.sh").toAbsolutePath().normalize().toString();
    }

    static void agent(String netns, String node, List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("offloadctl.test.node-binary"), "--netns", netns,
                "agent", "--server", api.url(), "--node", node, "--interval", "1s", "--timeout", "2", "--probe-timeout", "1s",
                "--cache", Path.of("target", node + ".json").toAbsolutePath().toString()));
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", node + "-agent.log").toFile());
        builder.environment().put("OFFLOADCTL_TOKEN", TOKEN);
        processes.add(builder.start());
    }

    static RequestSpecification admin() {
        return given().baseUri(api.url()).header("Authorization", "Bearer " + TOKEN);
    }

    static int create(String name, Map<String, Object> selector, Map<String, Boolean> features, Map<String, Object> rollout) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("priority", 10);
        body.put("mode", "enforce");
        body.put("selector", selector);
        body.put("features", features);
        body.put("onRemove", "restore");
        body.put("rollout", rollout);
        return admin().contentType(ContentType.JSON).body(body).post("/api/v1/policies").then().statusCode(201).extract().path("id");
    }

    static int createForRacks(String name, Map<String, Boolean> features, Map<String, Object> rollout) {
        return create(name, Map.of("matchLabels", Map.of("test", "rollout"), "interfaces", List.of("vb")), features, rollout);
    }

    static JsonPath rollout(int id) {
        return admin().get("/api/v1/policies/" + id + "/rollout").then().statusCode(200).extract().jsonPath();
    }

    static String feature(String node, String iface, String ethtoolName) throws Exception {
        return Processes.feature(node, iface, ethtoolName);
    }

    static String gro(String node) throws Exception {
        return feature(node, "vb", "generic-receive-offload");
    }

    static String gso(String node) throws Exception {
        return feature(node, "vb", "generic-segmentation-offload");
    }

    static void await(String what, Duration limit, Callable<Boolean> condition) throws Exception {
        Processes.await(what, limit, condition, "see target/" + RUN + "-*-agent.log");
    }

    /**
     * Watches a feature on every node with ethtool until {@code done} holds: when each node first
     * showed {@code value} (ms on System.nanoTime's clock; absent when it never did).
     */
    static Map<String, Long> watch(String what, Duration limit, String ethtoolName, String value, Callable<Boolean> done,
                                   Map<String, Long> seen) throws Exception {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (true) {
            for (String node : NODES) {
                if (!seen.containsKey(node) && feature(node, "vb", ethtoolName).equals(value)) {
                    seen.put(node, System.nanoTime() / 1_000_000);
                }
            }
            if (done.call()) {
                return seen;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + limit.toMillis() + " ms; seen " + seen
                        + "; see target/" + RUN + "-*-agent.log");
            }
            Thread.sleep(50);
        }
    }

    static List<List<String>> waves(JsonPath rollout) {
        return rollout.getList("waves.nodes.node");
    }

    static String metrics() {
        return admin().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    @Order(1)
    void canaryThenWavesNoLargerThanMaxUnavailableNeverAWholeRackAFailedProbePausesResumeGoesOn() throws Exception {
        int id = createForRacks("roll-gro", Map.of("gro", false),
                Map.of("canary", 1, "maxUnavailable", "2", "soak", "2s", "spreadBy", "rack"));
        List<List<String>> waves = waves(rollout(id));
        assertEquals(List.of(List.of(NODES.get(0)), List.of(NODES.get(1), NODES.get(2)), List.of(NODES.get(3), NODES.get(4)),
                List.of(NODES.get(5))), waves.stream().map(w -> w.stream().sorted((x, y) -> NODES.indexOf(x) - NODES.indexOf(y)).toList())
                .toList());
        for (List<String> wave : waves) {
            assertTrue(wave.size() <= 2, waves.toString());
            assertTrue(!wave.containsAll(RACK_A) && !wave.containsAll(RACK_B), "never a whole rack: " + waves);
        }
        Map<String, Long> off = watch("the rollout pausing", Duration.ofSeconds(60), "generic-receive-offload", "off",
                () -> "paused".equals(rollout(id).getString("state")), new HashMap<>());
        JsonPath paused = rollout(id);
        assertTrue(paused.getString("reason").contains(FAILING + " failed in wave 2") && paused.getString("reason")
                .contains("tcp probe of 127.0.0.1:" + probe.port()), paused.prettify());
        assertEquals(List.of("failed"), paused.getList("waves[1].nodes.findAll { it.node == '" + FAILING + "' }.state"));
        // The canary first and alone; the second wave after it soaked (its other node applies what it was given even
        // when its wave paused before it reported); the failing node rolled back.
        watch("the second wave's other node changing", Duration.ofSeconds(20), "generic-receive-offload", "off",
                () -> off.containsKey(NODES.get(2)), off);
        assertTrue(off.get(NODES.get(2)) - off.get(NODES.get(0)) >= 1500, "the second wave waited for the canary's soak: " + off);
        assertEquals("on", gro(FAILING));
        String metrics = metrics();
        assertTrue(metrics.contains("offloadctl_rollouts{state=\"paused\"} 1.0") && metrics.contains("offloadctl_rollout_failed_nodes 1.0"),
                metrics.lines().filter(l -> l.startsWith("offloadctl_rollout")).toList().toString());
        // The later waves are untouched while it is paused.
        Thread.sleep(3000);
        for (String node : List.of(NODES.get(3), NODES.get(4), NODES.get(5))) {
            assertEquals("on", gro(node), node + " waits for its wave");
            assertTrue(admin().get("/api/v1/nodes/" + node + "/desired").then().extract().asString().contains("\"interfaces\":[]"), node);
        }

        admin().post("/api/v1/policies/" + id + "/rollout/resume").then().statusCode(200);
        Map<String, Long> rest = watch("the rollout completing", Duration.ofSeconds(60), "generic-receive-offload", "off",
                () -> "completed".equals(rollout(id).getString("state")), new HashMap<>(Map.of(NODES.get(0), 0L, NODES.get(2), 0L)));
        assertTrue(rest.get(NODES.get(5)) - Math.max(rest.get(NODES.get(3)), rest.get(NODES.get(4))) >= 1500,
                "the last wave waited for the third's soak: " + rest);
        assertEquals("on", gro(FAILING), "the failed node keeps what it has");
        assertEquals(List.of("accepted"), rollout(id).getList("waves[1].nodes.findAll { it.node == '" + FAILING + "' }.state"));
        String events = admin().get("/api/v1/events?type=rollout&policy=roll-gro&size=100").then().extract().asString();
        for (String step : List.of("started: 6 nodes in 4 waves", "wave 1 of 4 (canary) started", "paused in wave 2", "resumed in wave 2",
                "wave 4 of 4 done", "completed")) {
            assertTrue(events.contains(step), step + " in " + events);
        }
    }

    @Test
    @Order(2)
    void abortSendsTheChangedNodesBackAndLeavesTheOthers() throws Exception {
        int id = createForRacks("roll-gso", Map.of("gso", false), Map.of("canary", 1, "maxUnavailable", "2", "soak", "1h", "spreadBy", "rack"));
        String canary = NODES.get(0);
        await("the canary changed", Duration.ofSeconds(20), () -> gso(canary).equals("off"));
        await("the canary compliant", Duration.ofSeconds(20), () -> "soaking".equals(rollout(id).getString("waves[0].state")));
        for (String node : NODES.subList(1, NODES.size())) {
            assertEquals("on", gso(node), node);
        }
        admin().post("/api/v1/policies/" + id + "/rollout/abort").then().statusCode(200);
        admin().get("/api/v1/policies/" + id).then().statusCode(404);
        await("the canary back to its original", Duration.ofSeconds(20), () -> gso(canary).equals("on"));
        assertEquals("aborted", rollout(id).getString("state"));
        for (String node : NODES) {
            assertEquals("on", gso(node), node);
        }
    }

    @Test
    @Order(3)
    void deletingUnderRestoreBringsBackExactlyWhatEthtoolShowedBeforeInWaves() throws Exception {
        int id = admin().get("/api/v1/policies").then().extract().jsonPath().getInt("find { it.policy.name == 'roll-gro' }.id");
        String etag = admin().get("/api/v1/policies/" + id).then().extract().header("ETag");
        admin().header("If-Match", etag).delete("/api/v1/policies/" + id).then().statusCode(204);
        JsonPath deletion = rollout(id);
        assertEquals("delete", deletion.getString("change"));
        assertEquals(List.of(NODES.get(0)), waves(deletion).get(0));
        Map<String, Long> on = watch("the deletion completing", Duration.ofSeconds(90), "generic-receive-offload", "on",
                () -> "completed".equals(rollout(id).getString("state")), new HashMap<>(Map.of(FAILING, 0L)));
        long canaryAt = on.get(NODES.get(0));
        NODES.stream().filter(n -> !n.equals(NODES.get(0)) && !n.equals(FAILING))
                .forEach(n -> assertTrue(on.get(n) > canaryAt, "the canary went first: " + on));
        for (String node : NODES) {
            await(node + " as before the policy", Duration.ofSeconds(10), () -> Processes.features(node, "vb").equals(before.get(node)));
        }
        assertTrue(metrics().contains("offloadctl_rollouts{state=\"progressing\"} 0.0"));
    }

    @Test
    @Order(4)
    void aVerifyGatedWaveIsKeptOnTheBrokenPathAndRolledBackOnTheCleanOne() throws Exception {
        long pid = ProcessHandle.current().pid() % 100000;
        String broken = "rvb" + pid;
        String clean = "rvc" + pid;
        for (String lab : List.of(broken, clean)) {
            labs.add(lab);
            if (lab.equals(broken)) {
                Processes.run("sh", FaultLabScript.PATH, "up", lab, "--broken");
            } else {
                Processes.run("sh", FaultLabScript.PATH, "up", lab);
            }
            ProcessBuilder server = new ProcessBuilder(System.getProperty("offloadctl.test.node-binary"), "--netns", lab + "-rx",
                    "perf", "server").redirectErrorStream(true).redirectOutput(Path.of("target", lab + "-perf.log").toFile());
            processes.add(server.start());
            agent(lab + "-tx", lab + "-tx", List.of("--label", "test=rollout-verify"));
        }
        await("both lab nodes reporting", Duration.ofSeconds(60), () -> List.of(broken, clean).stream().allMatch(n ->
                admin().get("/api/v1/nodes/" + n + "-tx").statusCode() == 200));
        String cleanBefore = Processes.features(clean + "-tx", clean + "-a");
        int id = create("verified-tso-gso", Map.of("matchLabels", Map.of("test", "rollout-verify"), "interfaces", List.of("rv*-a")),
                Map.of("tso", false, "gso", false), Map.of("canary", 1, "maxUnavailable", "1", "soak", "1s",
                        "verify", Map.of("peer", "198.18.0.2", "threshold", 5, "duration", "2s")));
        assertEquals(List.of(List.of(broken + "-tx"), List.of(clean + "-tx")), waves(rollout(id)));
        await("the rollout pausing on the clean path", Duration.ofSeconds(90), () -> "paused".equals(rollout(id).getString("state")));
        JsonPath paused = rollout(id);
        assertEquals("compliant", paused.getString("waves[0].nodes[0].state"), paused.prettify());
        assertTrue(paused.getString("waves[0].nodes[0].detail").contains("throughput to 198.18.0.2"), paused.prettify());
        assertEquals("failed", paused.getString("waves[1].nodes[0].state"), paused.prettify());
        assertTrue(paused.getString("reason").contains("fell by more than the 5% allowed"), paused.prettify());
        assertEquals("off", feature(broken + "-tx", broken + "-a", "tcp-segmentation-offload"), "kept where it restores throughput");
        assertEquals("off", feature(broken + "-tx", broken + "-a", "generic-segmentation-offload"));
        assertEquals(cleanBefore, Processes.features(clean + "-tx", clean + "-a"), "rolled back where it costs throughput");
        List<Map<String, Object>> verifications = admin().get("/api/v1/verifications?size=50").then().statusCode(200).extract()
                .jsonPath().getList("items");
        Map<String, Boolean> kept = new HashMap<>();
        verifications.forEach(v -> kept.put(v.get("node").toString(), (Boolean) ((Map<?, ?>) v.get("result")).get("kept")));
        assertEquals(Map.of(broken + "-tx", true, clean + "-tx", false), kept, verifications.toString());
    }
}
