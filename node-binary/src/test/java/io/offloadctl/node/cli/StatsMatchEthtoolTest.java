package io.offloadctl.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.offloadctl.node.testing.CliRun;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;

/** {@code offloadctl stats} against {@code ethtool -S}: exit code and stdout, on every kind here. */
@Tag("ffi")
class StatsMatchEthtoolTest {

    static TestNamespace lab;

    @BeforeAll
    static void createLab() {
        lab = TestNamespace.createLab("stats");
        lab.ip("link", "add", "q4a", "numrxqueues", "4", "numtxqueues", "4", "type", "veth", "peer", "name", "q4b");
    }

    @AfterAll
    static void removeLab() {
        lab.close();
    }

    @Test
    void everyKindMatchesEthtool() {
        // no traffic in the namespace: the counters hold still between the two reads
        for (String iface : List.of("lo", "va", "vb", "q4a", "q4b", "br0", "ifb0", "tap0", "octl-nosuch0")) {
            Shell.Result theirs = lab.exec("ethtool", "-S", iface);
            Shell.Result mine = CliRun.run("--netns", lab.name(), "stats", iface);
            String what = iface + "\nours: " + mine + "\nethtool: " + theirs;
            assertEquals(theirs.exitCode(), mine.exitCode(), what);
            assertEquals(theirs.out(), mine.out(), what);
        }
        assertTrue(CliRun.run("--netns", lab.name(), "stats", "lo").err().contains("no stats available for 'lo'"));
    }

    @Test
    void theMachinesOwnInterfaceHasTheSameCountersInTheSameOrder() {
        if (!Files.exists(Path.of("/sys/class/net/eth0"))) {
            return;
        }
        // eth0 carries traffic: the names and their order must match, the values move
        Shell.Result theirs = Shell.run("ethtool", "-S", "eth0");
        Shell.Result mine = CliRun.run("stats", "eth0");
        assertEquals(theirs.exitCode(), mine.exitCode(), mine.toString());
        assertEquals(names(theirs.out()), names(mine.out()));
        assertTrue(mine.out().startsWith("NIC statistics:\n     "), mine.out());
    }

    private static List<String> names(String text) {
        return text.lines().map(line -> line.replaceAll(": [0-9]+$", ":")).toList();
    }

    @Test
    void jsonHasEveryCounterInTheDriversOrder() throws Exception {
        Shell.Result json = CliRun.run("--netns", lab.name(), "stats", "--json", "q4a");
        assertEquals(0, json.exitCode(), json.toString());
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertEquals("q4a", node.get("interfaceName").asText());
        List<String> text = lab.exec("ethtool", "-S", "q4a").out().lines().skip(1).toList();
        assertEquals(text.size(), node.get("counters").size());
        for (int i = 0; i < text.size(); i++) {
            JsonNode counter = node.get("counters").get(i);
            assertEquals(text.get(i), "     " + counter.get("name").asText() + ": " + counter.get("value").asLong());
        }
    }
}
