package io.offloadctl.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The agent under failure, end to end: the packaged API, agents run with --netns on namespace nodes,
 * ethtool -k inside each node as the judge. A revision that breaks a probe is applied once, rolled
 * back with the values read after the restore, and left alone until an operator's retry; drift is
 * repaired within a second while the API hangs (SIGSTOP), and the repair reaches the API from the
 * outage journal when it answers again; a new tap attached to a bridge gets the policy that selects
 * bridge ports within a second while the API is down; a feature something keeps turning back is
 * contested after the bound; the default gateway is probed from the node's namespace, and a probe
 * that failed before a change cannot roll it back. And removal as a policy's decision: originals
 * recorded and shown, onRemove restore bringing back exactly what ethtool showed before the policy,
 * for a deleted, a narrowed and an audited policy alike, and keep leaving the last state.
 */
class AgentFailureIT {

    static final String RUN = "oct-fail-" + ProcessHandle.current().pid();
    static final String TOKEN = "agent-failure-it-admin";
    static final List<Process> agents = new ArrayList<>();
    static final List<String> namespaces = new ArrayList<>();
    static Map<String, String> environment;
    static ApiProcess api;

    @BeforeAll
    static void start() throws Exception {
        environment = Map.of("OFFLOADCTL_DATA_DIR", Path.of("target", RUN).toAbsolutePath().toString());
        api = ApiProcess.start("agent-failure", TOKEN, environment);
    }

    @AfterAll
    static void stop() throws Exception {
        agents.forEach(Process::destroy);
        if (api != null) {
            api.close();
        }
        for (String namespace : namespaces) {
            Processes.deleteNamespace(namespace);
        }
    }

    static String node(String suffix) throws Exception {
        String node = RUN + "-" + suffix;
        namespaces.add(node);
        Processes.createNode(node);
        Processes.run("ip", "netns", "exec", node, "ethtool", "-K", "vb", "gro", "on", "gso", "on");
        return node;
    }

    static Path cache(String node) {
        return Path.of("target", node + ".json").toAbsolutePath();
    }

    static Path log(String node) {
        return Path.of("target", node + "-agent.log");
    }

    static void agent(String node, String test, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("offloadctl.test.node-binary"), "--netns", node,
                "agent", "--server", api.url(), "--node", node, "--label", "test=" + test, "--interval", "2s",
                "--timeout", "2", "--probe-timeout", "1s", "--cache", cache(node).toString()));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(node).toFile());
        builder.environment().put("OFFLOADCTL_TOKEN", TOKEN);
        agents.add(builder.start());
    }

    static RequestSpecification admin() {
        return given().baseUri(api.url()).header("Authorization", "Bearer " + TOKEN);
    }

    static int policy(String name, String test, Map<String, Object> selector, Map<String, Boolean> features) {
        return policy(name, test, selector, features, "keep");
    }

    static int policy(String name, String test, Map<String, Object> selector, Map<String, Boolean> features, String onRemove) {
        return admin().contentType(ContentType.JSON).body(policyBody(name, test, selector, features, onRemove, "enforce"))
                .post("/api/v1/policies").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> policyBody(String name, String test, Map<String, Object> selector, Map<String, Boolean> features,
                                          String onRemove, String mode) {
        Map<String, Object> withLabel = new java.util.HashMap<>(selector);
        withLabel.put("matchLabels", Map.of("test", test));
        Map<String, Object> body = new java.util.HashMap<>(Fleet.policy(name, 10, mode, withLabel, features));
        body.put("onRemove", onRemove);
        return body;
    }

    static void replace(int id, Map<String, Object> body) {
        String etag = admin().get("/api/v1/policies/" + id).then().statusCode(200).extract().header("ETag");
        admin().contentType(ContentType.JSON).header("If-Match", etag).body(body).put("/api/v1/policies/" + id)
                .then().statusCode(200);
    }

    static String feature(String node, String iface, String ethtoolName) throws Exception {
        return Processes.feature(node, iface, ethtoolName);
    }

    static String gro(String node, String iface) throws Exception {
        return feature(node, iface, "generic-receive-offload");
    }

    static String gso(String node, String iface) throws Exception {
        return feature(node, iface, "generic-segmentation-offload");
    }

    static List<Map<String, Object>> events(String type, String node) {
        return admin().get("/api/v1/events?size=500&type=" + type + "&node=" + node).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static JsonPath nodeView(String node) {
        return admin().get("/api/v1/nodes/" + node).then().statusCode(200).extract().jsonPath();
    }

    static void await(String what, Duration limit, Callable<Boolean> condition) throws Exception {
        Processes.await(what, limit, condition, "see target/" + RUN + "-*-agent.log");
    }

    /** How long until {@code condition} holds, polled every 10 ms, failing beyond {@code limit}. */
    static long millisUntil(String what, Duration limit, Callable<Boolean> condition) throws Exception {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + limit.toMillis() + " ms");
            }
            Thread.sleep(10);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    static String metrics() {
        return admin().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void aRevisionThatBreaksAProbeIsRolledBackOnceTruthfullyAndLeftAloneUntilARetry() throws Exception {
        String node = node("q");
        policy("quarantine-no-gro-gso", "quarantine", Map.of("interfaces", List.of("vb")), Map.of("gro", false, "gso", false));
        int port;
        try (OneShotListener probe = new OneShotListener()) {
            port = probe.port();
            agent(node, "quarantine", "--probe", "127.0.0.1:" + port);
            await("a rolled-back enactment", Duration.ofSeconds(20), () -> events("enactment", node).stream()
                    .anyMatch(e -> e.get("detail").toString().contains("rolled-back")));
        }
        String detail = events("enactment", node).get(0).get("detail").toString();
        // The values are read after the restore: on, as ethtool shows them, not the off of the moment between.
        assertTrue(detail.contains("vb rx-gro on (wanted off)") && detail.contains("vb tx-generic-segmentation on (wanted off)"), detail);
        assertTrue(detail.contains("tcp 127.0.0.1:" + port + " answered before, failed after"), detail);
        assertEquals("on", gro(node, "vb"));
        assertEquals("on", gso(node, "vb"));
        await("compliance failed", Duration.ofSeconds(10), () -> "failed".equals(nodeView(node).getString("summary.status")));
        JsonPath view = nodeView(node);
        assertEquals(view.getLong("desired.revision"), view.getLong("report.agent.quarantine.revision"));
        assertTrue(view.getString("report.agent.quarantine.reason").contains("tcp probe of 127.0.0.1:" + port), view.prettify());
        String compliance = admin().get("/api/v1/compliance?status=failed").then().extract().asString();
        assertTrue(compliance.contains(node) && compliance.contains("\"after\":false"), compliance);

        // Three report intervals later: still the one enactment, nothing touched, one restore in the log.
        Thread.sleep(6500);
        assertEquals(1, events("enactment", node).size(), events("enactment", node).toString());
        assertEquals("on", gro(node, "vb"));
        String agentLog = Files.readString(log(node));
        assertEquals(1, agentLog.split("checkpoint restored", -1).length - 1, agentLog);
        assertTrue(metrics().contains("offloadctl_nodes{status=\"failed\"} 1.0"));

        // The operator fixes what the probe needs and asks for a retry: applied, compliant.
        try (ServerSocket fixed = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            admin().post("/api/v1/nodes/" + node + "/retry").then().statusCode(200)
                    .body("retry", org.hamcrest.Matchers.equalTo(1));
            await("the retried revision applied", Duration.ofSeconds(15), () -> "off".equals(gro(node, "vb")) && "off".equals(gso(node, "vb")));
            await("compliant", Duration.ofSeconds(10), () -> "compliant".equals(nodeView(node).getString("summary.status")));
            assertTrue(events("enactment", node).get(0).get("detail").toString().contains(" applied: "), events("enactment", node).toString());
            assertEquals(1, events("retry", node).size());
        }
    }

    @Test
    void driftIsRepairedWithinASecondWhileTheApiHangsAndTheJournalReachesItAfter() throws Exception {
        String node = node("h");
        policy("hung-no-gso", "hung", Map.of("interfaces", List.of("vb")), Map.of("gso", false));
        agent(node, "hung");
        await("enforced", Duration.ofSeconds(20), () -> "off".equals(gso(node, "vb")));
        await("compliant", Duration.ofSeconds(10), () -> "compliant".equals(nodeView(node).getString("summary.status")));

        Path journal = Path.of(cache(node).toString().replace(".json", "-journal.json"));
        OffsetDateTime resumed;
        api.pause();
        try {
            Thread.sleep(300);
            Processes.run("ip", "netns", "exec", node, "ethtool", "-K", "vb", "gso", "on");
            long repairedAfter = millisUntil("repair while the API hangs", Duration.ofSeconds(1), () -> "off".equals(gso(node, "vb")));
            assertTrue(repairedAfter < 1000, repairedAfter + " ms");
            await("journaled", Duration.ofSeconds(5), () -> Files.exists(journal) && Files.readString(journal).contains("repaired drift"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journal)));
        } finally {
            Thread.sleep(1000);
            resumed = OffsetDateTime.now();
            api.resume();
        }
        await("the repair posted from the journal", Duration.ofSeconds(20), () -> events("enactment", node).stream()
                .anyMatch(e -> e.get("detail").toString().contains("repaired drift: vb tx-generic-segmentation off")));
        Map<String, Object> repair = events("enactment", node).stream()
                .filter(e -> e.get("detail").toString().contains("repaired drift")).findFirst().orElseThrow();
        assertTrue(OffsetDateTime.parse(repair.get("at").toString()).isBefore(resumed), "the event keeps the time of the repair: " + repair);
        await("the journal emptied", Duration.ofSeconds(10), () -> !Files.readString(journal).contains("repaired drift"));
        assertEquals("compliant", nodeView(node).getString("summary.status"));
    }

    @Test
    void aNewTapOnTheBridgeIsCoveredAtOnceWhileTheApiIsDown() throws Exception {
        String node = node("n");
        policy("bridge-ports-no-gro-gso", "new", Map.of("masters", List.of("br0")), Map.of("gro", false, "gso", false));
        agent(node, "new");
        await("enforced", Duration.ofSeconds(20), () -> "off".equals(gro(node, "tap0")) && "off".equals(gso(node, "vb")));
        await("compliant", Duration.ofSeconds(10), () -> "compliant".equals(nodeView(node).getString("summary.status")));

        int port = api.port;
        api.close();
        OffsetDateTime restarted;
        try {
            Processes.run("ip", "-n", node, "tuntap", "add", "dev", "tap7", "mode", "tap");
            Processes.run("ip", "-n", node, "tuntap", "add", "dev", "tap8", "mode", "tap");
            assertEquals("on", gro(node, "tap7"));
            Processes.run("ip", "-n", node, "link", "set", "tap7", "master", "br0");
            long coveredAfter = millisUntil("the new bridge port covered", Duration.ofSeconds(1),
                    () -> "off".equals(gro(node, "tap7")) && "off".equals(gso(node, "tap7")));
            assertTrue(coveredAfter < 1000, coveredAfter + " ms");
            Thread.sleep(500);
            assertEquals("on", gro(node, "tap8"), "a tap outside the bridge is no bridge port");
        } finally {
            restarted = OffsetDateTime.now();
            api = ApiProcess.start("agent-failure-restarted", TOKEN, environment, port);
        }
        await("the journal posted", Duration.ofSeconds(20), () -> events("enactment", node).stream()
                .anyMatch(e -> e.get("detail").toString().contains("tap7 rx-gro off")));
        Map<String, Object> enactment = events("enactment", node).stream()
                .filter(e -> e.get("detail").toString().contains("tap7 rx-gro off")).findFirst().orElseThrow();
        assertTrue(OffsetDateTime.parse(enactment.get("at").toString()).isBefore(restarted), enactment.toString());
        await("tap7 compliant", Duration.ofSeconds(15), () -> "compliant".equals(
                nodeView(node).getString("compliance.find { it.name == 'tap7' }.status")));
        assertEquals("unmanaged", nodeView(node).getString("compliance.find { it.name == 'tap8' }.status"));
    }

    @Test
    void aFeatureTurnedBackAgainAndAgainIsContestedAndLeftAloneUntilARetry() throws Exception {
        String node = node("c");
        policy("contest-no-gro", "contest", Map.of("interfaces", List.of("vb")), Map.of("gro", false));
        agent(node, "contest", "--contest-limit", "3", "--contest-window", "60s");
        await("enforced", Duration.ofSeconds(20), () -> "off".equals(gro(node, "vb")));
        await("compliant", Duration.ofSeconds(10), () -> "compliant".equals(nodeView(node).getString("summary.status")));

        // Something on the host turns it back on, again and again.
        for (int i = 0; i < 30 && !"contested".equals(nodeView(node).getString("summary.status")); i++) {
            Processes.run("ip", "netns", "exec", node, "ethtool", "-K", "vb", "gro", "on");
            Thread.sleep(300);
        }
        assertEquals("contested", nodeView(node).getString("summary.status"));
        assertEquals("contested", nodeView(node).getString("compliance.find { it.name == 'vb' }.status"));
        assertEquals(3, events("enactment", node).stream().filter(e -> e.get("detail").toString().contains("repaired drift")).count());
        Thread.sleep(2000);
        assertEquals("on", gro(node, "vb"), "no more repairs once contested");
        List<Map<String, Object>> contested = events("contested", node);
        assertEquals(1, contested.size(), contested.toString());
        assertTrue(contested.get(0).get("detail").toString().contains("vb: rx-gro turned back 3 times within 60 s"), contested.toString());
        Thread.sleep(1100);
        assertTrue(metrics().contains("offloadctl_interfaces{status=\"contested\"} 1.0"));

        admin().post("/api/v1/nodes/" + node + "/retry").then().statusCode(200);
        await("repaired again after the retry", Duration.ofSeconds(15), () -> "off".equals(gro(node, "vb")));
        await("compliant", Duration.ofSeconds(10), () -> "compliant".equals(nodeView(node).getString("summary.status")));
    }

    @Test
    void theGatewayIsProbedFromTheNodeAndAProbeThatFailedBeforeCannotRollBack() throws Exception {
        String node = node("g");
        String gateway = RUN + "-gw";
        namespaces.add(gateway);
        Processes.run("ip", "netns", "add", gateway);
        Processes.run("ip", "-n", node, "link", "add", "up0", "type", "veth", "peer", "name", "gw0", "netns", gateway);
        Processes.run("ip", "-n", node, "addr", "add", "198.18.9.2/24", "dev", "up0");
        Processes.run("ip", "-n", node, "link", "set", "up0", "up");
        Processes.run("ip", "-n", gateway, "addr", "add", "198.18.9.1/24", "dev", "gw0");
        Processes.run("ip", "-n", gateway, "link", "set", "gw0", "up");
        Processes.run("ip", "-n", node, "route", "add", "default", "via", "198.18.9.1");

        policy("gateway-no-gro", "gateway", Map.of("interfaces", List.of("vb")), Map.of("gro", false));
        agent(node, "gateway");
        await("applied", Duration.ofSeconds(20), () -> "off".equals(gro(node, "vb")));
        await("an enactment", Duration.ofSeconds(10), () -> !events("enactment", node).isEmpty());
        String first = events("enactment", node).get(0).get("detail").toString();
        assertTrue(first.contains("gateway 198.18.9.1 answered before, answered after"), first);
        assertTrue(first.contains("api 127.0.0.1:" + api.port + " answered before, answered after"), first);

        // The gateway stops answering before the next change: that change is applied all the same.
        Processes.run("ip", "netns", "exec", gateway, "sysctl", "-q", "-w", "net.ipv4.icmp_echo_ignore_all=1");
        policy("gateway-no-gso", "gateway", Map.of("interfaces", List.of("vb")), Map.of("gso", false));
        await("the second change applied", Duration.ofSeconds(20), () -> "off".equals(gso(node, "vb")));
        await("its enactment", Duration.ofSeconds(10), () -> events("enactment", node).size() == 2);
        String second = events("enactment", node).get(0).get("detail").toString();
        assertTrue(second.contains(" applied: ") && second.contains("gateway 198.18.9.1 failed before, failed after (no echo reply"), second);
        assertFalse(Files.readString(log(node)).contains("checkpoint restored"));
    }

    @Test
    void removalRestoresExactlyWhatEthtoolShowedBeforeOrKeepsTheLastState() throws Exception {
        String node = node("r");
        String vbBefore = Processes.features(node, "vb");
        String vaBefore = Processes.features(node, "va");
        assertEquals("on", gro(node, "tap0"));
        int restoring = policy("removal-restore", "removal", Map.of("interfaces", List.of("vb")), Map.of("gro", false, "gso", false), "restore");
        int keeping = policy("removal-keep", "removal", Map.of("interfaces", List.of("tap0")), Map.of("gro", false));
        int narrowed = policy("removal-narrowed", "removal", Map.of("interfaces", List.of("va")), Map.of("gso", false), "restore");
        int audited = policy("removal-audited", "removal", Map.of("interfaces", List.of("va")), Map.of("tso", false), "restore");
        agent(node, "removal");
        await("enforced", Duration.ofSeconds(20), () -> "off".equals(gro(node, "vb")) && "off".equals(gso(node, "vb"))
                && "off".equals(gro(node, "tap0")) && "off".equals(gso(node, "va"))
                && "off".equals(feature(node, "va", "tcp-segmentation-offload")));
        await("originals reported", Duration.ofSeconds(10), () -> {
            List<Object> recorded = nodeView(node).getList("report.agent.originals");
            return recorded != null && recorded.size() >= 4;
        });
        JsonPath view = nodeView(node);
        assertEquals(Boolean.TRUE, view.get("managed.find { it.interfaceName == 'vb' && it.setting == 'rx-gro' }.original"));
        assertEquals(Boolean.FALSE, view.get("managed.find { it.interfaceName == 'vb' && it.setting == 'rx-gro' }.actual"));
        assertEquals("restore", view.get("managed.find { it.interfaceName == 'vb' && it.setting == 'rx-gro' }.onRemove"));
        assertEquals("keep", view.get("managed.find { it.interfaceName == 'tap0' && it.setting == 'rx-gro' }.onRemove"));
        JsonPath preview = admin().get("/api/v1/policies/" + restoring + "/removal").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("restored", "restored"), preview.getList("effects.outcome"));

        // Deleted with restore: vb is again exactly what ethtool showed before the policy.
        admin().delete("/api/v1/policies/" + restoring).then().statusCode(204);
        await("vb restored", Duration.ofSeconds(15), () -> vbBefore.equals(Processes.features(node, "vb")));
        await("the restore's enactment", Duration.ofSeconds(10), () -> events("enactment", node).stream()
                .anyMatch(e -> e.get("detail").toString().contains("originals restored")));

        // Narrowed (va no longer selected) and switched to audit: the same, for what they no longer govern.
        replace(narrowed, policyBody("removal-narrowed", "removal", Map.of("interfaces", List.of("nothing-here")),
                Map.of("gso", false), "restore", "enforce"));
        replace(audited, policyBody("removal-audited", "removal", Map.of("interfaces", List.of("va")),
                Map.of("tso", false), "restore", "audit"));
        await("va restored", Duration.ofSeconds(15), () -> vaBefore.equals(Processes.features(node, "va")));

        // Deleted with keep: tap0 stays as the policy left it.
        admin().delete("/api/v1/policies/" + keeping).then().statusCode(204);
        Thread.sleep(3000);
        assertEquals("off", gro(node, "tap0"));
        await("no originals left", Duration.ofSeconds(10), () -> {
            List<Object> left = nodeView(node).getList("report.agent.originals");
            return left == null || left.isEmpty();
        });
        assertTrue(nodeView(node).getList("managed").isEmpty(), nodeView(node).prettify());
    }
}
