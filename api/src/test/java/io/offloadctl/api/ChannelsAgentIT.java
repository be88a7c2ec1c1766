package io.offloadctl.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Channels, size limits and coalescing end to end (and rings a tap does not have): a policy that sets {@code channels: {rx: 2, tx: 2}}, {@code
 * limits: {gso_max_size: 32768, gro_max_size: 32768}} and turns GRO off on the veth ports of a
 * bridge reaches exactly them through the agent (ethtool -l and -k and ip -d link inside the node
 * are the judges), shows as compliant, is repaired after an {@code ethtool -L} and an {@code ip link
 * set}, is reported with the driver's maxima, counts beyond them are unenforceable, and the node's
 * rendered persistence puts the channels and limits back when run.
 */
class ChannelsAgentIT {

    static final String RUN = "oct-chan-" + ProcessHandle.current().pid();
    static final String NODE = RUN + "-n";
    static final String TOKEN = "channels-it-admin";
    static ApiProcess api;
    static Process agent;

    @BeforeAll
    static void start() throws Exception {
        Processes.run("ip", "netns", "add", NODE);
        Processes.run("ip", "-n", NODE, "link", "add", "br0", "type", "bridge");
        for (String[] pair : List.of(new String[] {"va", "vb"}, new String[] {"vc", "vd"})) {
            Processes.run("ip", "-n", NODE, "link", "add", pair[0], "numtxqueues", "4", "numrxqueues", "4", "type", "veth",
                    "peer", "name", pair[1], "numtxqueues", "4", "numrxqueues", "4");
            Processes.run("ip", "-n", NODE, "link", "set", pair[1], "master", "br0");
            for (String end : pair) {
                Processes.run("ip", "netns", "exec", NODE, "ethtool", "-K", end, "gro", "on");
            }
        }
        Processes.run("ip", "-n", NODE, "tuntap", "add", "dev", "tp0", "mode", "tap");
        api = ApiProcess.start("channels", TOKEN, Map.of("OFFLOADCTL_DATA_DIR", Path.of("target", RUN).toAbsolutePath().toString()));
        Map<String, Object> policy = Fleet.policy("ports-two-queues", 10, "enforce",
                Map.of("matchLabels", Map.of("run", RUN), "masters", List.of("br0")), Map.of("gro", false));
        policy.put("channels", Map.of("rx", 2, "tx", 2));
        policy.put("limits", Map.of("gso_max_size", 32768, "gro_max_size", 32768));
        admin().contentType(ContentType.JSON).body(policy).post("/api/v1/policies").then().statusCode(201);
        // tap's driver takes one coalescing parameter, rx-frames (ethtool -c shows the others n/a), and no rings
        Map<String, Object> calm = Fleet.policy("tap-coalescing", 10, "enforce",
                Map.of("matchLabels", Map.of("run", RUN), "interfaces", List.of("tp0")), Map.of());
        calm.put("coalesce", Map.of("rx_frames", 5));
        admin().contentType(ContentType.JSON).body(calm).post("/api/v1/policies").then().statusCode(201);
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("offloadctl.test.node-binary"), "--netns", NODE,
                "agent", "--server", api.url(), "--node", NODE, "--label", "run=" + RUN, "--interval", "2s",
                "--drift-poll", "200ms", "--timeout", "2", "--cache", Path.of("target", NODE + ".json").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(Path.of("target", NODE + "-agent.log").toFile());
        builder.environment().put("OFFLOADCTL_TOKEN", TOKEN);
        agent = builder.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (agent != null) {
            agent.destroy();
            agent.waitFor();
        }
        if (api != null) {
            api.close();
        }
        Processes.deleteNamespace(NODE);
    }

    static RequestSpecification admin() {
        return given().baseUri(api.url()).header("Authorization", "Bearer " + TOKEN);
    }

    /** The "Current hardware settings" count of a kind, as ethtool -l inside the node prints it. */
    static String current(String iface, String label) throws Exception {
        String out = Processes.run("ip", "netns", "exec", NODE, "ethtool", "-l", iface);
        String settings = out.substring(out.indexOf("Current hardware settings:"));
        return settings.lines().filter(l -> l.startsWith(label + ":")).findFirst().orElseThrow().replaceAll("^[^\t]*\t+", "");
    }

    /** A size limit as ip -d link inside the node prints it. */
    static String limit(String iface, String name) throws Exception {
        String out = Processes.run("ip", "-n", NODE, "-d", "link", "show", "dev", iface);
        java.util.regex.Matcher value = java.util.regex.Pattern.compile(" " + name + " ([0-9]+)").matcher(out);
        return value.find() ? value.group(1) : "none in: " + out;
    }

    static boolean asDesired(String iface) throws Exception {
        return current(iface, "RX").equals("2") && current(iface, "TX").equals("2")
                && Processes.feature(NODE, iface, "generic-receive-offload").equals("off")
                && limit(iface, "gso_max_size").equals("32768") && limit(iface, "gro_max_size").equals("32768");
    }

    /** The tap's rx-frames as ethtool -c inside the node prints it. */
    static String rxFrames() throws Exception {
        return Processes.run("ip", "netns", "exec", NODE, "ethtool", "-c", "tp0").lines()
                .filter(l -> l.startsWith("rx-frames: ")).findFirst().orElseThrow().substring("rx-frames: ".length());
    }

    static void await(String what, Duration limit, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        Processes.await(what, limit, condition, "see target/" + NODE + "-agent.log");
    }

    @Test
    void channelsAreEnforcedReportedRepairedAndPersisted() throws Exception {
        await("channels and gro on the ports", Duration.ofSeconds(30), () -> asDesired("vb") && asDesired("vd"));
        await("coalescing on the tap", Duration.ofSeconds(10), () -> rxFrames().equals("5"));
        assertEquals("4", current("va", "RX"), "va is no port of br0: untouched");
        assertEquals("65536", limit("va", "gso_max_size"), "va is no port of br0: untouched");
        assertEquals("on", Processes.feature(NODE, "va", "generic-receive-offload"));
        await("compliance", Duration.ofSeconds(15), () -> "compliant".equals(
                admin().get("/api/v1/nodes/" + NODE).then().extract().path("summary.status")));

        JsonPath view = admin().get("/api/v1/nodes/" + NODE).then().statusCode(200).extract().jsonPath();
        assertEquals(4, view.getInt("report.interfaces.find { it.name == 'vb' }.channels.maximum.rx"));
        assertEquals(2, view.getInt("report.interfaces.find { it.name == 'vb' }.channels.current.tx"));
        assertNull(view.get("report.interfaces.find { it.name == 'br0' }.channels"), "a bridge has no channel settings");
        assertEquals(2, view.getInt("desired.interfaces.find { it.name == 'vd' }.channels.rx.value"));
        assertEquals(4, view.getInt("managed.find { it.interfaceName == 'vb' && it.setting == 'channels.rx' }.original"));
        assertEquals(524280, view.getInt("report.interfaces.find { it.name == 'vb' }.limits.tso_max_size"));
        assertEquals(32768, view.getInt("desired.interfaces.find { it.name == 'vd' }.limits.gso_max_size.value"));
        assertEquals(65536, view.getInt("managed.find { it.interfaceName == 'vb' && it.setting == 'limits.gso_max_size' }.original"));
        assertEquals(5, view.getInt("report.interfaces.find { it.name == 'tp0' }.coalesce.rx_frames"));
        assertEquals(Map.of(), view.getMap("report.interfaces.find { it.name == 'tp0' }.rings"), "a tap has no rings");
        assertEquals(5, view.getInt("desired.interfaces.find { it.name == 'tp0' }.coalesce.rx_frames.value"));
        assertEquals(0, view.getInt("managed.find { it.interfaceName == 'tp0' && it.setting == 'coalesce.rx_frames' }.original"));

        // ethtool -C drift of the coalescing is repaired.
        Processes.run("ip", "netns", "exec", NODE, "ethtool", "-C", "tp0", "rx-frames", "0");
        await("coalescing drift repaired", Duration.ofSeconds(10), () -> rxFrames().equals("5"));

        // ip link drift of a size limit is repaired too.
        Processes.run("ip", "-n", NODE, "link", "set", "dev", "vd", "gso_max_size", "65536");
        await("limit drift repaired", Duration.ofSeconds(10), () -> asDesired("vd"));

        // ethtool -L drift is repaired, and the enactment names it.
        Processes.run("ip", "netns", "exec", NODE, "ethtool", "-L", "vb", "rx", "1");
        await("channel drift repaired", Duration.ofSeconds(10), () -> asDesired("vb"));
        await("repair enactment", Duration.ofSeconds(10), () -> admin().get("/api/v1/events?type=enactment&node=" + NODE)
                .then().extract().jsonPath().getList("items.detail").stream()
                .anyMatch(d -> d.toString().contains("repaired drift: vb channels.rx 2") && d.toString().contains("vb channels.rx 2")));

        // More channels than the driver allows: unenforceable, with the reason, and the agent leaves the rest alone.
        Map<String, Object> wide = Fleet.policy("ports-many-queues", 20, "enforce",
                Map.of("matchLabels", Map.of("run", RUN), "interfaces", List.of("vd")), Map.of("gro", false));
        wide.put("channels", Map.of("tx", 9));
        int wideId = admin().contentType(ContentType.JSON).body(wide).post("/api/v1/policies").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> rings = Fleet.policy("tap-rings", 10, "enforce",
                Map.of("matchLabels", Map.of("run", RUN), "interfaces", List.of("tp0")), Map.of());
        rings.put("rings", Map.of("rx", 512));
        rings.put("pause", Map.of("rx", false));
        int ringsId = admin().contentType(ContentType.JSON).body(rings).post("/api/v1/policies").then().statusCode(201)
                .extract().path("id");
        await("unenforceable", Duration.ofSeconds(15), () -> "unenforceable".equals(admin().get("/api/v1/compliance")
                .then().extract().jsonPath().getString("details.find { it.node == '" + NODE + "' }.interfaces.find { it.name == 'vd' }.status")));
        Map<?, ?> deviation = admin().get("/api/v1/compliance").then().extract().jsonPath()
                .getMap("details.find { it.node == '" + NODE + "' }.interfaces.find { it.name == 'vd' }.deviations[0]");
        assertEquals("channels.tx", deviation.get("setting"));
        assertEquals(9, deviation.get("desired"));
        assertEquals(2, deviation.get("actual"));
        assertEquals("tx 9 exceeds the maximum of 'vd', 4", deviation.get("reason"));
        assertEquals("2", current("vd", "TX"));
        Map<?, ?> ringDeviation = admin().get("/api/v1/compliance").then().extract().jsonPath()
                .getMap("details.find { it.node == '" + NODE + "' }.interfaces.find { it.name == 'tp0' }.deviations[0]");
        assertEquals("rings.rx", ringDeviation.get("setting"));
        assertEquals("unenforceable", ringDeviation.get("status"));
        assertEquals("the driver of 'tp0' has no ring settings", ringDeviation.get("reason"));
        Map<?, ?> pauseDeviation = admin().get("/api/v1/compliance").then().extract().jsonPath()
                .getMap("details.find { it.node == '" + NODE + "' }.interfaces.find { it.name == 'tp0' }.deviations[1]");
        assertEquals(Map.of("setting", "pause.rx", "desired", 0, "status", "unenforceable", "reason",
                "the driver of 'tp0' has no pause settings"), Map.of("setting", pauseDeviation.get("setting"), "desired",
                pauseDeviation.get("desired"), "status", pauseDeviation.get("status"), "reason", pauseDeviation.get("reason")));
        assertEquals(Map.of(), admin().get("/api/v1/nodes/" + NODE).then().extract().jsonPath()
                .getMap("report.interfaces.find { it.name == 'tp0' }.pause"), "a tap has no pause settings");
        assertEquals("5", rxFrames(), "the coalescing stays");
        admin().delete("/api/v1/policies/" + wideId).then().statusCode(204);
        admin().delete("/api/v1/policies/" + ringsId).then().statusCode(204);
        await("compliant again", Duration.ofSeconds(15), () -> "compliant".equals(
                admin().get("/api/v1/nodes/" + NODE).then().extract().path("summary.status")));

        // The node's persistence, rendered by the API and run as a boot script would run it, puts the channels back.
        String script = admin().get("/api/v1/nodes/" + NODE + "/desired/render?format=shell").then().statusCode(200).extract().asString();
        assertTrue(script.contains("/usr/local/bin/offloadctl channels vb rx 2 tx 2"), script);
        assertTrue(script.contains("/usr/local/bin/offloadctl limits vb gso_max_size 32768 gro_max_size 32768"), script);
        assertTrue(script.contains("/usr/local/bin/offloadctl coalesce tp0 rx-frames 5"), script);
        // Each format in its own words (ChannelPolicyTest has each renderer's exact lines; this is the API serving them).
        Map<String, String> expected = Map.of(
                "systemd", "/usr/local/bin/offloadctl channels vb rx 2 tx 2",
                "udev", "RUN+=\"/usr/local/bin/offloadctl channels %k rx 2 tx 2\"",
                "networkd", "RxChannels=2\nTxChannels=2\nGenericSegmentOffloadMaxBytes=32768\n",
                "networkmanager", "ethtool.channels-rx 2 ethtool.channels-tx 2 link.gso-max-size 32768 link.gro-max-size 32768",
                "harvester-cloudinit", "ethtool -L vb rx 2 tx 2");
        Map<String, String> coalescing = Map.of(
                "systemd", "/usr/local/bin/offloadctl coalesce tp0 rx-frames 5",
                "udev", "RUN+=\"/usr/local/bin/offloadctl coalesce %k rx-frames 5\"",
                "networkd", "RxMaxCoalescedFrames=5\n",
                "networkmanager", "ethtool.coalesce-rx-frames 5",
                "harvester-cloudinit", "ethtool -C tp0 rx-frames 5");
        coalescing.forEach((format, fragment) -> {
            String artifact = admin().get("/api/v1/nodes/" + NODE + "/desired/render?format=" + format).then().statusCode(200)
                    .extract().asString();
            assertTrue(artifact.contains(fragment), format + " lacks " + fragment + ":\n" + artifact);
        });
        expected.forEach((format, fragment) -> {
            String artifact = admin().get("/api/v1/nodes/" + NODE + "/desired/render?format=" + format).then().statusCode(200)
                    .extract().asString();
            assertTrue(artifact.contains(fragment), format + " lacks " + fragment + ":\n" + artifact);
        });
        agent.destroy();
        agent.waitFor();
        Processes.run("ip", "netns", "exec", NODE, "ethtool", "-L", "vb", "rx", "3", "tx", "1");
        Processes.run("ip", "-n", NODE, "link", "set", "dev", "vb", "gso_max_size", "16384", "gro_max_size", "65536");
        Processes.run("ip", "netns", "exec", NODE, "ethtool", "-C", "tp0", "rx-frames", "1");
        Path file = Path.of("target", RUN + "-persist.sh");
        Files.writeString(file, script.replace("/usr/local/bin/offloadctl", System.getProperty("offloadctl.test.node-binary")));
        Processes.run("ip", "netns", "exec", NODE, "sh", file.toAbsolutePath().toString());
        assertTrue(asDesired("vb"), Processes.run("ip", "netns", "exec", NODE, "ethtool", "-l", "vb"));
        assertEquals("5", rxFrames(), "the script puts the coalescing back");
    }
}
