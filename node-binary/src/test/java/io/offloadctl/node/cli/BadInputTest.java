package io.offloadctl.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.offloadctl.node.testing.CliRun;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;

/** Bad input gets a clear message, the documented exit code, and changes nothing. */
@Tag("ffi")
class BadInputTest {

    static TestNamespace lab;
    Map<String, String> before;

    @BeforeAll
    static void createLab() {
        lab = TestNamespace.createLab("bad");
    }

    @AfterAll
    static void removeLab() {
        lab.close();
    }

    @BeforeEach
    void snapshot() {
        before = states();
    }

    @AfterEach
    void nothingChanged() {
        assertEquals(before, states(), "the lab's features must be unchanged");
    }

    private static Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        TestNamespace.LAB_INTERFACES.forEach(iface -> states.put(iface, lab.ethtoolFeatures(iface)));
        return states;
    }

    private static Shell.Result offloadctl(String... args) {
        List<String> all = new ArrayList<>(List.of("--netns", lab.name()));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    private static void assertError(Shell.Result result, int exitCode, String message) {
        assertEquals(exitCode, result.exitCode(), result.toString());
        assertTrue(result.err().contains(message), "expected '" + message + "' in: " + result.err());
        assertEquals("", result.out());
    }

    @Test
    void unknownInterface() {
        assertError(offloadctl("show", "nosuch0"), 1, "no interface named 'nosuch0' in network namespace '" + lab.name() + "'");
        assertError(offloadctl("info", "nosuch0"), 71, "no interface named 'nosuch0'");
        assertError(offloadctl("set", "nosuch0", "gro", "off"), 92, "no interface named 'nosuch0'");
    }

    @Test
    void interfaceNameOfSixteenBytesOrMore() {
        // 16 to 127 bytes could be an alternative name: looked up, not found (set: ethtool's 92)
        assertError(offloadctl("show", "abcdefghijklmnop"), 1, "no interface named 'abcdefghijklmnop'");
        assertError(offloadctl("set", "abcdefghijklmnopq", "gro", "off"), 92, "no interface named 'abcdefghijklmnopq'");
        String tooLong = "a".repeat(128);
        assertError(offloadctl("show", tooLong), 1, "is 128 bytes long; Linux allows at most 15 (127 for an alternative name)");
        assertError(offloadctl("set", tooLong, "gro", "off"), 1, "is 128 bytes long");
        assertError(offloadctl("show", "a/b"), 1, "contains '/'");
    }

    @Test
    void unknownFeatureSuggestsTheClosestNames() {
        assertError(offloadctl("set", "va", "gor", "off"), 92, "unknown feature 'gor'; did you mean gro");
        assertError(offloadctl("set", "va", "rx-gro-hwx", "on"), 92, "did you mean rx-gro-hw");
    }

    @Test
    void fixedFeatureCannotBeChanged() {
        Shell.Result result = offloadctl("set", "va", "lro", "on");
        assertEquals(1, result.exitCode());
        assertEquals("Actual changes:\nrx-lro: off [requested on]\n", result.out());
        assertTrue(result.err().contains("Could not change any device features"));
    }

    @Test
    void neverChangeableFeatureIsRefusedBeforeTheKernelIsAsked() {
        assertError(offloadctl("set", "va", "vlan-challenged", "on"), 92, "vlan-challenged can never be changed");
    }

    @Test
    void namespaceThatDoesNotExist() {
        Shell.Result show = CliRun.run("--netns", "oct-no-such-namespace", "show");
        assertError(show, 1, "network namespace 'oct-no-such-namespace' does not exist");
        Shell.Result set = CliRun.run("--netns", "/proc/999999999/ns/net", "set", "va", "gro", "on");
        assertError(set, 92, "network namespace '/proc/999999999/ns/net' does not exist");
    }

    @Test
    void strictRefusesWhatEthtoolAcceptsAndChangesNothing() {
        String before = lab.ethtoolFeatures("va");
        assertError(offloadctl("set", "--strict", "va", "tso", "on", "tx-tcp-segmentation", "off"), 1,
                "contradictory settings: 'tso on' and 'tx-tcp-segmentation off' both set tx-tcp-segmentation");
        assertError(offloadctl("set", "--strict", "va", "gro", "on", "gro", "off"), 1, "contradictory settings");
        assertError(offloadctl("set", "--strict", "va", "ufo", "on", "gso", "off"), 92,
                "'ufo' stands for tx-udp-fragmentation, which this kernel does not have");
        assertEquals(before, lab.ethtoolFeatures("va"));
    }

    @Test
    void valuesOtherThanOnOrOff() {
        assertError(offloadctl("set", "va", "gro", "maybe"), 1, "'gro' must be followed by 'on' or 'off', not 'maybe'");
        assertError(offloadctl("set", "va", "gro", "off", "gso"), 1, "'gso' must be followed by 'on' or 'off'");
    }

    @Test
    void missingArgumentsExitAsEthtoolDoes() {
        Shell.Result nothing = offloadctl("set", "va");
        assertEquals(1, nothing.exitCode(), nothing.toString());
        assertTrue(nothing.err().contains("Could not change any device features"), nothing.err());
        Shell.Result noInterface = offloadctl("set");
        assertEquals(1, noInterface.exitCode(), noInterface.toString());
        assertTrue(noInterface.err().contains("See 'offloadctl set --help'"), noInterface.err());
        Shell.Result info = offloadctl("info", "octl-nosuch0");
        assertEquals(71, info.exitCode(), info.toString());
        assertTrue(info.err().contains("no interface named 'octl-nosuch0'"), info.err());
        assertEquals(71, lab.exec("ethtool", "-i", "octl-nosuch0").exitCode(), "ethtool -i's code");
    }

    @Test
    void anInterfaceNamedLikeAnOptionIsAnInterfaceAsEthtoolHasIt() {
        lab.ip("link", "add", "name", "-x", "type", "veth", "peer", "name", "-y");
        try {
            Shell.Result show = offloadctl("show", "-x");
            assertEquals(0, show.exitCode(), show.toString());
            assertEquals(lab.ethtoolFeatures("-x"), show.out());
            Shell.Result set = offloadctl("set", "-x", "gro", "on");
            assertEquals(lab.exec("ethtool", "-K", "-y", "gro", "on").exitCode(), set.exitCode(), set.toString());
            assertTrue(lab.ethtoolFeatures("-x").contains("generic-receive-offload: on\n"));
            assertTrue(offloadctl("info", "-x").out().startsWith("driver: veth\n"));
            // not an interface: still a mistyped option, with its suggestion
            Shell.Result mistyped = offloadctl("set", "--dry-rn", "va", "gro", "on");
            assertEquals(1, mistyped.exitCode(), mistyped.toString());
            assertTrue(mistyped.err().contains("Unknown option: '--dry-rn'") && mistyped.err().contains("--dry-run"), mistyped.err());
            Shell.Result afterName = offloadctl("set", "va", "--dry-rn", "gro", "on");
            assertTrue(afterName.err().contains("Unknown option: '--dry-rn'"), afterName.err());
        } finally {
            lab.ip("link", "del", "-x");
        }
    }

    @Test
    void mistypedVerbsAndOptionsGetSuggestions() {
        Shell.Result verb = offloadctl("shwo", "va");
        assertEquals(2, verb.exitCode(), verb.toString());
        assertTrue(verb.err().contains("Did you mean") && verb.err().contains("show"), verb.err());
        Shell.Result option = offloadctl("show", "--jsno", "va");
        assertEquals(2, option.exitCode(), option.toString());
        assertTrue(option.err().contains("Possible solutions: --json"), option.err());
        assertEquals("", option.out());
    }

    @Test
    void dryRunShowsThePlanAndChangesNothing() {
        Shell.Result result = offloadctl("set", "va", "gso", "off", "lro", "on", "--dry-run");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("tx-generic-segmentation: on -> off\n"), result.out());
        assertTrue(result.out().contains("rx-lro: off -> on [fixed: cannot change]\n"), result.out());
    }

    @Test
    void withoutCapNetAdminReadingWorksAndChangingIsRefused() {
        List<String> unprivileged = new ArrayList<>(List.of("setpriv", "--bounding-set=-net_admin", "--inh-caps=-net_admin", "--"));
        unprivileged.addAll(CliRun.command());
        unprivileged.addAll(List.of("--netns", lab.name()));
        List<String> set = new ArrayList<>(unprivileged);
        set.addAll(List.of("set", "va", "gro", "on"));
        Shell.Result refused = Shell.run(set);
        assertEquals(92, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("changing features of 'va' needs root or CAP_NET_ADMIN"), refused.err());

        List<String> show = new ArrayList<>(unprivileged);
        show.addAll(List.of("show", "va"));
        Shell.Result read = Shell.run(show);
        assertEquals(0, read.exitCode(), read.toString());
        assertEquals(lab.ethtoolFeatures("va"), read.out());
    }
}
