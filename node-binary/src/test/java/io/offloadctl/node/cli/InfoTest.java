package io.offloadctl.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.offloadctl.node.testing.CliRun;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;

/** {@code offloadctl info} against ethtool -i, ethtool's link lines and sysfs inside the namespace. */
@Tag("ffi")
class InfoTest {

    static TestNamespace lab;

    @BeforeAll
    static void createLabWithTraffic() {
        lab = TestNamespace.createLab("info");
        lab.exec("sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1").orFail();
        lab.ip("link", "set", "vb", "mtu", "1400");
        lab.ip("link", "set", "va", "mtu", "1400");
        lab.ip("addr", "add", "198.18.0.1/24", "dev", "va");
        lab.ip("addr", "add", "198.18.0.2/24", "dev", "br0");
        lab.ip("link", "set", "va", "up");
        lab.ip("link", "set", "vb", "up");
        lab.ip("link", "set", "br0", "up");
        awaitOperstateUp("va", "vb", "br0");
        // Nobody answers 198.18.0.9: the ARP requests for it go out through va and arrive at vb.
        lab.exec("ping", "-c", "2", "-i", "0.2", "-W", "1", "-I", "va", "198.18.0.9");
    }

    /** The kernel settles operstate asynchronously (linkwatch); wait, bounded, for it. */
    private static void awaitOperstateUp(String... interfaces) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (String iface : interfaces) {
            while (!sysfs(iface, "operstate").equals("up")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(iface + " did not come up");
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @AfterAll
    static void removeLab() {
        lab.close();
    }

    private static JsonNode infoJson(String iface) throws Exception {
        Shell.Result result = CliRun.run("--netns", lab.name(), "info", "--json", iface);
        assertEquals(0, result.exitCode(), result.err());
        return new ObjectMapper().readTree(result.out());
    }

    private static List<String> sysfsCounters(String iface) {
        return List.of(lab.exec("ls", "/sys/class/net/" + iface + "/statistics").orFail().out().strip().split("\\s+"));
    }

    private static String sysfs(String iface, String file) {
        return lab.exec("cat", "/sys/class/net/" + iface + "/" + file).orFail().out().strip();
    }

    @Test
    void driverLinesAreExactlyEthtoolDashI() {
        for (String iface : List.of("va", "vb", "br0", "ifb0", "tap0")) {
            String ethtool = lab.exec("ethtool", "-i", iface).orFail().out();
            String ours = CliRun.run("--netns", lab.name(), "info", iface).out();
            assertTrue(ours.startsWith(ethtool), iface + ":\n" + ours + "\nethtool:\n" + ethtool);
        }
        assertTrue(CliRun.run("--netns", lab.name(), "info", "lo").out()
                .startsWith("driver: none (the device reports no driver information)\n"));
    }

    @Test
    void kindMasterMtuAndOperstate() throws Exception {
        Map<String, String> kinds = Map.of("lo", "loopback", "va", "veth", "vb", "veth", "br0", "bridge",
                "ifb0", "ifb", "tap0", "tap");
        for (Map.Entry<String, String> expected : kinds.entrySet()) {
            JsonNode info = infoJson(expected.getKey());
            assertEquals(expected.getValue(), info.get("kind").asText(), expected.getKey());
            assertEquals(Integer.parseInt(sysfs(expected.getKey(), "mtu")), info.get("mtu").asInt(), expected.getKey());
            assertEquals(sysfs(expected.getKey(), "operstate"), info.get("operState").asText(), expected.getKey());
            assertEquals(Integer.parseInt(sysfs(expected.getKey(), "ifindex")), info.get("index").asInt());
        }
        assertEquals("br0", infoJson("vb").get("master").asText());
        assertTrue(infoJson("va").get("master").isNull());
        assertEquals(1400, infoJson("vb").get("mtu").asInt());
    }

    @Test
    void linkSettingsAsEthtoolReportsThem() throws Exception {
        String ethtool = lab.exec("ethtool", "va").orFail().out();
        JsonNode link = infoJson("va").get("link");
        assertTrue(ethtool.contains("Speed: " + link.get("speedMbps").asInt() + "Mb/s"), ethtool);
        assertTrue(ethtool.contains("Duplex: " + link.get("duplex").asText()), ethtool);
        assertTrue(ethtool.contains("Link detected: " + (link.get("detected").asBoolean() ? "yes" : "no")), ethtool);
        assertTrue(link.get("detected").asBoolean(), "va is up with its peer up");
        assertTrue(infoJson("lo").get("link").get("speedMbps").isNull());
    }

    @Test
    void countersAreTheKernelStatisticsSysfsShows() throws Exception {
        // The link is live (IPv6 solicitations go out on their own): each counter read by offloadctl lies
        // between a sysfs read before it and one after it.
        Map<String, Long> before = new java.util.HashMap<>();
        for (String name : sysfsCounters("va")) {
            before.put(name, Long.parseLong(sysfs("va", "statistics/" + name)));
        }
        JsonNode counters = infoJson("va").get("counters");
        assertEquals(24, counters.size());
        for (Map.Entry<String, JsonNode> counter : counters.properties()) {
            long after = Long.parseLong(sysfs("va", "statistics/" + counter.getKey()));
            long read = counter.getValue().asLong();
            assertTrue(before.get(counter.getKey()) <= read && read <= after,
                    counter.getKey() + ": " + before.get(counter.getKey()) + " <= " + read + " <= " + after);
        }
        assertTrue(counters.get("tx_packets").asLong() >= 1, "ARP requests went out through va");
        assertTrue(infoJson("vb").get("counters").get("rx_packets").asLong() >= 1, "and arrived at vb");
        String text = CliRun.run("--netns", lab.name(), "info", "va").out();
        assertTrue(text.contains("\trx_packets: " + sysfs("va", "statistics/rx_packets") + "\n"), text);
    }
}
