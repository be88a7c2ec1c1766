package io.offloadctl.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * {@code offloadctl channels} against {@code ethtool -l} on every kind here and the machine's own
 * interfaces (read only), and against {@code ethtool -L} on twin namespaces: exit code, stdout and
 * the resulting {@code ethtool -l} after every step.
 */
@Tag("ffi")
class ChannelsMatchEthtoolTest {

    /** A veth pair with four queues each way, one with one, and the lab's other kinds. */
    static final List<String> INTERFACES = List.of("lo", "q4a", "q4b", "va", "vb", "br0", "ifb0", "tap0");

    static TestNamespace ours;
    static TestNamespace reference;

    @BeforeAll
    static void createTwins() {
        ours = TestNamespace.createLab("chan-ours");
        reference = TestNamespace.createLab("chan-ref");
        for (TestNamespace twin : List.of(ours, reference)) {
            twin.ip("link", "add", "q4a", "numrxqueues", "4", "numtxqueues", "4", "type", "veth", "peer", "name", "q4b",
                    "numrxqueues", "4", "numtxqueues", "4");
        }
    }

    @AfterAll
    static void removeTwins() {
        ours.close();
        reference.close();
    }

    @Test
    void readsMatchEthtoolOnEveryKind() {
        for (String iface : INTERFACES) {
            Shell.Result theirs = ours.exec("ethtool", "-l", iface);
            Shell.Result mine = CliRun.run("--netns", ours.name(), "channels", iface);
            String what = iface + "\nours: " + mine + "\nethtool: " + theirs;
            assertEquals(theirs.exitCode(), mine.exitCode(), what);
            assertEquals(theirs.out(), mine.out(), what);
        }
        // the refusal says why: lo has no channel settings
        assertTrue(CliRun.run("--netns", ours.name(), "channels", "lo").err().contains("'lo' has no channel settings"));
    }

    @Test
    void theMachinesOwnInterfacesReadIdentically() {
        for (String iface : List.of("lo", "eth0")) {
            if (!Files.exists(Path.of("/sys/class/net", iface))) {
                continue;
            }
            Shell.Result theirs = Shell.run("ethtool", "-l", iface);
            Shell.Result mine = CliRun.run("channels", iface);
            assertEquals(theirs.exitCode(), mine.exitCode(), iface + ": " + mine);
            assertEquals(theirs.out(), mine.out(), iface);
        }
    }

    /** Interface, then KIND N pairs, as typed after {@code ethtool -L}. */
    static final List<List<String>> STEPS = List.of(
            List.of("q4a", "rx", "2", "tx", "3"),
            List.of("q4a", "rx", "2"),                  // as it is: nothing to do, 0
            List.of("q4a", "rx", "9"),                  // above the maximum: 1, nothing changed
            List.of("q4a", "combined", "1"),            // a kind veth does not have: 1
            List.of("q4a", "rx", "4", "tx", "4"),
            List.of("q4b", "tx", "1"),
            List.of("va", "rx", "1"),
            List.of("lo", "rx", "1"),                   // no channel settings: 1
            List.of("octl-nosuch0", "rx", "1"));        // no such interface: 1

    @Test
    void everySetStepMatchesEthtool() {
        for (List<String> step : STEPS) {
            List<String> ourArgs = new ArrayList<>(List.of("--netns", ours.name(), "channels"));
            ourArgs.addAll(step);
            Shell.Result mine = CliRun.run(ourArgs.toArray(String[]::new));
            List<String> ethtoolArgs = new ArrayList<>(List.of("ethtool", "-L"));
            ethtoolArgs.addAll(step);
            Shell.Result theirs = reference.exec(ethtoolArgs.toArray(String[]::new));
            String what = String.join(" ", step) + "\nours: " + mine + "\nethtool: " + theirs;
            assertEquals(theirs.exitCode(), mine.exitCode(), what);
            assertEquals(theirs.out(), mine.out(), what);
            for (String iface : List.of("q4a", "q4b", "va")) {
                assertEquals(reference.exec("ethtool", "-l", iface).out(), ours.exec("ethtool", "-l", iface).out(),
                        what + "\nchannels of " + iface);
            }
        }
        Shell.Result above = CliRun.run("--netns", ours.name(), "channels", "q4a", "rx", "9");
        assertTrue(above.err().contains("rx 9 exceeds the maximum of 'q4a', 4"), above.err());
        Shell.Result none = CliRun.run("--netns", ours.name(), "channels", "q4a", "combined", "1");
        assertTrue(none.err().contains("'q4a' has no combined channels"), none.err());
    }

    @Test
    void jsonHasTheMaximaAndTheCountsAndBadInputIsRefused() throws Exception {
        Shell.Result json = CliRun.run("--netns", ours.name(), "channels", "--json", "q4b");
        assertEquals(0, json.exitCode(), json.toString());
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertEquals("q4b", node.get("interfaceName").asText());
        assertEquals(4, node.get("maximum").get("rx").asInt());
        assertEquals(0, node.get("maximum").get("combined").asInt());
        String current = ours.exec("ethtool", "-l", "q4b").out();
        assertTrue(current.endsWith("RX:\t\t" + node.get("current").get("rx").asInt() + "\nTX:\t\t"
                + node.get("current").get("tx").asInt() + "\nOther:\t\tn/a\nCombined:\tn/a\n"), current);
        for (List<String> bad : List.of(List.of("q4a", "rxx", "2"), List.of("q4a", "rx"), List.of("q4a", "rx", "two"),
                List.of("q4a", "rx", "-1"))) {
            List<String> args = new ArrayList<>(List.of("--netns", ours.name(), "channels"));
            args.addAll(bad);
            Shell.Result refused = CliRun.run(args.toArray(String[]::new));
            assertEquals(1, refused.exitCode(), bad + ": " + refused);
            assertEquals("", refused.out(), bad.toString());
        }
        assertTrue(CliRun.run("--netns", ours.name(), "channels", "q4a", "rxx", "2").err()
                .contains("unknown channel kind 'rxx'; the kinds are rx, tx, other, combined"));
    }

    /** offloadctl run at a terminal (util-linux script's pseudo-terminal) with {@code answer} typed at it. */
    static Shell.Result atTerminal(String answer, String... args) {
        List<String> command = new ArrayList<>(CliRun.command());
        command.addAll(List.of(args));
        String line = String.join(" ", command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        return Shell.run("sh", "-c", "printf '%s\\n' \"$1\" | script -qec \"$2\" /dev/null", "sh", answer, line);
    }

    @Test
    void aChangeThatRestartsQueuesIsSaidFirstAndADryRunChangesNothing() throws Exception {
        String before = ours.exec("ethtool", "-l", "q4b").orFail().out();
        Shell.Result dry = CliRun.run("--netns", ours.name(), "channels", "q4b", "rx", "2", "tx", "4", "--dry-run");
        assertEquals(0, dry.exitCode(), dry.toString());
        int rx = Integer.parseInt(current(before, "RX"));
        assertEquals("q4b: channels rx " + rx + " -> 2" + (current(before, "TX").equals("4") ? "" : ", tx " + current(before, "TX") + " -> 4")
                + " (dry run: nothing changed)\n", dry.out());
        assertEquals(before, ours.exec("ethtool", "-l", "q4b").orFail().out());
        JsonNode planned = new ObjectMapper().readTree(CliRun.run("--netns", ours.name(), "channels", "q4b", "rx", "2", "--dry-run",
                "--json").out());
        assertEquals(2, planned.get("wanted").get("rx").asInt());
        assertEquals(rx, planned.get("current").get("rx").asInt());
        Shell.Result above = CliRun.run("--netns", ours.name(), "channels", "q4b", "rx", "9", "--dry-run");
        assertEquals(1, above.exitCode(), "a dry run is checked as a change is: " + above);
        assertTrue(above.err().contains("rx 9 exceeds the maximum of 'q4b', 4"), above.err());

        // In a script (no terminal): said on standard error, then made, as ethtool -L would.
        Shell.Result scripted = CliRun.run("--netns", ours.name(), "channels", "q4b", "rx", "2");
        assertEquals(0, scripted.exitCode(), scripted.toString());
        assertTrue(scripted.err().contains("Changing the channels of 'q4b' (rx " + rx + " -> 2) restarts its queues on many drivers"),
                scripted.err());
        assertEquals("2", current(ours.exec("ethtool", "-l", "q4b").orFail().out(), "RX"));
        assertEquals("", CliRun.run("--netns", ours.name(), "channels", "q4b", "rx", "3", "--yes").err(), "--yes: no warning");

        // At a terminal it asks: no keeps the channels, yes changes them.
        Shell.Result declined = atTerminal("n", "--netns", ours.name(), "channels", "q4b", "rx", "1");
        assertEquals(1, declined.exitCode(), declined.toString());
        assertTrue(declined.out().contains("Proceed? [y/N]") && declined.out().contains("not changed"), declined.out());
        assertEquals("3", current(ours.exec("ethtool", "-l", "q4b").orFail().out(), "RX"));
        Shell.Result confirmed = atTerminal("y", "--netns", ours.name(), "channels", "q4b", "rx", "1");
        assertEquals(0, confirmed.exitCode(), confirmed.toString());
        assertEquals("1", current(ours.exec("ethtool", "-l", "q4b").orFail().out(), "RX"));
        assertEquals(0, CliRun.run("--netns", ours.name(), "channels", "q4b", "rx", "4", "--yes").exitCode());
    }

    /** The "Current hardware settings" value of a kind in ethtool -l's output. */
    static String current(String ethtool, String label) {
        String settings = ethtool.substring(ethtool.indexOf("Current hardware settings:"));
        return settings.lines().filter(l -> l.startsWith(label + ":")).findFirst().orElseThrow().replaceAll("^[^\t]*\t+", "");
    }
}
