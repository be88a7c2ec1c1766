package io.offloadctl.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * {@code offloadctl rings}, {@code coalesce} and {@code pause} against {@code ethtool -g/-G},
 * {@code -c/-C} and {@code -a/-A}: reads on every kind here and on the machine's own interfaces
 * (read only), byte for byte with the exit code; changes on twin namespaces step by step (tap takes
 * rx-frames; veth, bridge, ifb and tap refuse rings; each driver refuses what it does not report; no
 * device here has pause settings, so every pause change is a refusal), with the state after each
 * step judged by ethtool.
 */
@Tag("ffi")
class DriverParametersMatchEthtoolTest {

    static final List<String> INTERFACES = List.of("lo", "va", "vb", "br0", "ifb0", "tap0", "mq0", "mv0");

    static final List<String> VERBS = List.of("rings", "coalesce", "pause");

    static TestNamespace ours;
    static TestNamespace reference;

    @BeforeAll
    static void createTwins() {
        ours = TestNamespace.createLab("drvp-ours");
        reference = TestNamespace.createLab("drvp-ref");
        for (TestNamespace twin : List.of(ours, reference)) {
            twin.ip("tuntap", "add", "dev", "mq0", "mode", "tap", "multi_queue");
            twin.ip("link", "add", "link", "va", "name", "mv0", "type", "macvlan");
        }
    }

    @AfterAll
    static void removeTwins() {
        ours.close();
        reference.close();
    }

    @Test
    void readsMatchEthtoolOnEveryKind() {
        for (String verb : VERBS) {
            for (String iface : INTERFACES) {
                Shell.Result theirs = ours.exec("ethtool", option(verb, false), iface);
                Shell.Result mine = CliRun.run("--netns", ours.name(), verb, iface);
                String what = verb + " " + iface + "\nours: " + mine + "\nethtool: " + theirs;
                assertEquals(theirs.exitCode(), mine.exitCode(), what);
                assertEquals(theirs.out(), mine.out(), what);
            }
        }
        assertTrue(CliRun.run("--netns", ours.name(), "rings", "va").err().contains("'va' has no ring settings"));
        assertTrue(CliRun.run("--netns", ours.name(), "pause", "br0").err().contains("'br0' has no pause settings"));
        for (String verb : VERBS) {
            Shell.Result nosuch = CliRun.run("--netns", ours.name(), verb, "octl-nosuch0");
            assertEquals(ours.exec("ethtool", option(verb, false), "octl-nosuch0").exitCode(), nosuch.exitCode(), nosuch.toString());
        }
    }

    @Test
    void theMachinesOwnInterfacesReadIdentically() {
        for (String verb : VERBS) {
            for (String iface : List.of("lo", "eth0")) {
                if (!Files.exists(Path.of("/sys/class/net", iface))) {
                    continue;
                }
                Shell.Result theirs = Shell.run("ethtool", option(verb, false), iface);
                Shell.Result mine = CliRun.run(verb, iface);
                assertEquals(theirs.exitCode(), mine.exitCode(), verb + " " + iface + ": " + mine);
                assertEquals(theirs.out(), mine.out(), verb + " " + iface);
            }
        }
    }

    /** Verb, interface, then NAME VALUE pairs as typed after {@code ethtool -G} or {@code -C}. */
    static final List<List<String>> STEPS = List.of(
            List.of("coalesce", "tap0", "rx-frames", "5"),
            List.of("coalesce", "tap0", "rx-frames", "5"),          // as it is: 0
            List.of("coalesce", "tap0", "rx-frames", "0"),
            List.of("coalesce", "mq0", "rx-frames", "4294967295"),  // the largest u32
            List.of("coalesce", "tap0", "rx-usecs", "5"),           // tap does not report it: 1, nothing changed
            List.of("coalesce", "tap0", "adaptive-rx", "on"),       // nor this
            List.of("coalesce", "tap0", "rx-frames", "7", "rx-usecs", "1"), // one refused: none made
            List.of("coalesce", "va", "rx-usecs", "1"),             // veth has no coalescing: 1
            List.of("coalesce", "octl-nosuch0", "rx-frames", "1"),  // no such interface: 1
            List.of("coalesce", "tap0", "rx-frames", "5", "rx-frames", "6"), // duplicate: 1
            List.of("coalesce", "tap0", "rx-frames", "-1"),
            List.of("coalesce", "tap0", "rx-frames", "4294967296"),
            List.of("coalesce", "tap0", "bogus", "1"),
            List.of("coalesce", "tap0", "rx-frames"),
            List.of("rings", "va", "rx", "10"),                     // veth has no rings: 81
            List.of("rings", "tap0", "rx", "1"),
            List.of("rings", "va", "tx-push", "on"),
            List.of("rings", "br0", "rx-buf-len", "1"),
            List.of("rings", "octl-nosuch0", "rx", "1"),            // no such interface: 81
            List.of("rings", "va", "rx", "1", "rx", "2"),           // duplicate: 1
            List.of("rings", "va", "rx"),                           // no value: 1
            List.of("rings", "va", "rx", "x"),
            List.of("rings", "va", "bogus", "1"),
            List.of("rings", "va", "tcp-data-split", "on"),         // ethtool 6.1 cannot set it: unknown, 1
            List.of("pause", "va", "rx", "off"),                    // veth has no pause: 76
            List.of("pause", "tap0", "autoneg", "off", "rx", "on", "tx", "on"),
            List.of("pause", "br0", "tx", "on"),
            List.of("pause", "mv0", "rx", "off"),
            List.of("pause", "lo", "autoneg", "on"),
            List.of("pause", "octl-nosuch0", "rx", "on"),           // no such interface: 76
            List.of("pause", "va", "rx"),                           // no value: 1
            List.of("pause", "va", "rx", "maybe"),                  // not on/off: 1
            List.of("pause", "va", "rx", "on", "rx", "off"),        // duplicate: 1
            List.of("pause", "va", "foo", "on"));                   // unknown: 1

    @Test
    void everySetStepMatchesEthtool() {
        for (List<String> step : STEPS) {
            String verb = step.get(0);
            List<String> rest = step.subList(1, step.size());
            List<String> ourArgs = new ArrayList<>(List.of("--netns", ours.name(), verb));
            ourArgs.addAll(rest);
            Shell.Result mine = CliRun.run(ourArgs.toArray(String[]::new));
            List<String> ethtoolArgs = new ArrayList<>(List.of("ethtool", option(verb, true)));
            ethtoolArgs.addAll(rest);
            Shell.Result theirs = reference.exec(ethtoolArgs.toArray(String[]::new));
            String what = String.join(" ", step) + "\nours: " + mine + "\nethtool: " + theirs;
            assertEquals(theirs.exitCode(), mine.exitCode(), what);
            assertEquals(theirs.out(), mine.out(), what);
            if (theirs.exitCode() != 0) {
                assertFalse(mine.err().isBlank(), "a refusal says why: " + what);
            }
            for (String iface : List.of("tap0", "mq0")) {
                assertEquals(reference.exec("ethtool", "-c", iface).out(), ours.exec("ethtool", "-c", iface).out(),
                        what + "\ncoalescing of " + iface);
            }
        }
    }

    @Test
    void refusalsSayWhyAndSuggest() {
        Shell.Result unsupported = CliRun.run("--netns", ours.name(), "coalesce", "tap0", "rx-usecs", "5");
        assertTrue(unsupported.err().contains("the driver of 'tap0' does not support rx-usecs"), unsupported.err());
        Shell.Result typo = CliRun.run("--netns", ours.name(), "coalesce", "tap0", "rx-frame", "5");
        assertTrue(typo.err().contains("unknown coalescing parameter 'rx-frame'; did you mean rx-frames"), typo.err());
        Shell.Result maximum = CliRun.run("--netns", ours.name(), "rings", "va", "rx-max", "5");
        assertEquals(1, maximum.exitCode(), maximum.toString());
        assertTrue(maximum.err().contains("The ring parameters that can be set are rx, rx-mini, rx-jumbo, tx, rx-buf-len, "
                + "cqe-size, tx-push"), maximum.err());
        Shell.Result duplicate = CliRun.run("--netns", ours.name(), "rings", "va", "rx", "1", "rx", "2");
        assertTrue(duplicate.err().contains("duplicate parameter 'rx'"), duplicate.err());
        Shell.Result pushing = CliRun.run("--netns", ours.name(), "rings", "va", "tx-push", "maybe");
        assertTrue(pushing.err().contains("'tx-push' must be followed by 'on' or 'off', not 'maybe'"), pushing.err());
    }

    @Test
    void jsonHasWhatTheDriverReports() throws Exception {
        ours.exec("ethtool", "-C", "tap0", "rx-frames", "3").orFail();
        Shell.Result json = CliRun.run("--netns", ours.name(), "coalesce", "--json", "tap0");
        assertEquals(0, json.exitCode(), json.toString());
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertEquals("tap0", node.get("interfaceName").asText());
        assertEquals(3, node.get("coalesce").get("rx_frames").asInt());
        assertFalse(node.get("coalesce").has("rx_usecs"), json.out());
        Shell.Result set = CliRun.run("--netns", ours.name(), "coalesce", "--json", "tap0", "rx-frames", "9");
        assertEquals(9, new ObjectMapper().readTree(set.out()).get("coalesce").get("rx_frames").asInt(), set.toString());
        assertTrue(ours.exec("ethtool", "-c", "tap0").out().contains("\nrx-frames: 9\n"));
        if (Files.exists(Path.of("/sys/class/net/eth0"))) {
            Shell.Result rings = CliRun.run("rings", "--json", "eth0");
            assertEquals(0, rings.exitCode(), rings.toString());
            JsonNode eth0 = new ObjectMapper().readTree(rings.out()).get("rings");
            String ethtool = Shell.run("ethtool", "-g", "eth0").out();
            assertTrue(ethtool.contains("Current hardware settings:\nRX:\t\t" + eth0.get("rx").asLong() + "\n"), ethtool);
            assertTrue(ethtool.contains("TX Push:\t" + (eth0.get("tx_push").asBoolean() ? "on" : "off")), ethtool);
        }
    }

    @Test
    void aDryRunShowsTheChangeAndMakesNone() {
        ours.ip("tuntap", "add", "dev", "dr0", "mode", "tap");
        String before = ours.exec("ethtool", "-c", "dr0").orFail().out();
        Shell.Result dry = CliRun.run("--netns", ours.name(), "coalesce", "dr0", "rx-frames", "12", "--dry-run");
        assertEquals(0, dry.exitCode(), dry.toString());
        assertTrue(dry.out().startsWith("dr0: rx-frames ") && dry.out().endsWith(" -> 12 (dry run: nothing changed)\n"), dry.out());
        assertEquals(before, ours.exec("ethtool", "-c", "dr0").orFail().out());
        Shell.Result unsupported = CliRun.run("--netns", ours.name(), "coalesce", "dr0", "rx-usecs", "1", "--dry-run");
        assertEquals(1, unsupported.exitCode(), "checked as a change is: " + unsupported);
        Shell.Result rings = CliRun.run("--netns", ours.name(), "rings", "va", "rx", "1", "--dry-run");
        assertEquals(81, rings.exitCode(), "as ethtool -G va rx 1 would: " + rings);
        // coalescing restarts no queues: nothing is said before it is made
        Shell.Result made = CliRun.run("--netns", ours.name(), "coalesce", "dr0", "rx-frames", "12");
        assertEquals("", made.err(), made.toString());
        assertTrue(ours.exec("ethtool", "-c", "dr0").orFail().out().contains("\nrx-frames: 12\n"));
    }

    @Test
    void pauseRefusalsSayWhyAndSuggest() {
        Shell.Result none = CliRun.run("--netns", ours.name(), "pause", "va", "rx", "off");
        assertTrue(none.err().contains("'va' has no pause settings"), none.err());
        Shell.Result typo = CliRun.run("--netns", ours.name(), "pause", "va", "autonge", "off");
        assertEquals(1, typo.exitCode(), typo.toString());
        assertTrue(typo.err().contains("unknown pause parameter 'autonge'; did you mean autoneg?"), typo.err());
        assertTrue(typo.err().contains("The pause parameters that can be set are autoneg, rx, tx"), typo.err());
        Shell.Result dry = CliRun.run("--netns", ours.name(), "pause", "va", "tx", "off", "--dry-run");
        assertEquals(76, dry.exitCode(), "checked as a change is, as ethtool -A va tx off would refuse: " + dry);
        Shell.Result json = CliRun.run("--netns", ours.name(), "pause", "--json", "va");
        assertEquals(1, json.exitCode(), json.toString());
        assertEquals("", json.out(), "nothing on standard output for a refusal: " + json);
    }

    private static String option(String verb, boolean set) {
        String option = switch (verb) {
            case "rings" -> "g";
            case "pause" -> "a";
            default -> "c";
        };
        return "-" + (set ? option.toUpperCase() : option);
    }
}
