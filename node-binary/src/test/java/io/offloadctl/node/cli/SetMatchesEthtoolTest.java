package io.offloadctl.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.offloadctl.node.testing.CliRun;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;

/**
 * Twin labs, identical at the start: every step is done with {@code offloadctl set} in one and
 * with {@code ethtool -K} in the other. Exit code, stdout, the "Could not change" message and
 * the resulting {@code ethtool -k} of every interface must be the same after every step.
 */
@Tag("ffi")
class SetMatchesEthtoolTest {

    static TestNamespace ours;
    static TestNamespace reference;

    @BeforeAll
    static void createTwins() {
        ours = TestNamespace.createLab("set-ours");
        reference = TestNamespace.createLab("set-ref");
        for (TestNamespace twin : List.of(ours, reference)) {
            twin.ip("link", "add", COMMA_NAME, "type", "veth", "peer", "name", "c,d");
            twin.ip("link", "property", "add", "dev", "va", "altname", SHORT_ALT);
            twin.ip("link", "property", "add", "dev", "va", "altname", LONG_ALT);
        }
    }

    @AfterAll
    static void removeTwins() {
        ours.close();
        reference.close();
    }

    /** An interface whose name has a comma, in both twins (Linux allows it; ethtool addresses it by name). */
    static final String COMMA_NAME = "a,b";

    /** Alternative names of va in both twins: one the ioctl could take, one only rtnetlink can look up. */
    static final String SHORT_ALT = "va-alt";
    static final String LONG_ALT = "va-a-rather-long-alternative-name";

    /** Interface, then NAME on|off pairs, as typed after {@code ethtool -K}. */
    static final List<List<String>> STEPS = List.of(
            List.of("va", "gro", "on"),
            List.of("va", "gro", "off"),
            List.of("va", "gso", "off"),
            List.of("va", "gso", "on"),
            List.of("va", "tso", "off"),
            List.of("va", "tso", "on"),
            List.of("va", "sg", "off"),          // drops TSO and GSO: "[not requested]"
            List.of("va", "tso", "on"),          // cannot come back while sg is off
            List.of("va", "sg", "on"),
            List.of("va", "tx", "off"),          // checksums off drop TSO too
            List.of("va", "tx", "on"),           // fixed members: "[requested on]"
            List.of("va", "lro", "on"),          // fixed on veth: "Could not change any device features"
            List.of("vb", "rx-vlan-filter", "on"),
            List.of("va", "rx-gro", "on", "tx-generic-segmentation", "off"),
            List.of("va", "generic-receive-offload", "off", "generic-segmentation-offload", "on"),
            List.of("br0", "gro", "off", "gso", "off"),
            List.of("br0", "tso", "off"),
            List.of("br0", "sg", "off"),
            List.of("br0", "sg", "on", "tso", "on"),
            List.of("tap0", "sg", "off"),
            List.of("tap0", "tx", "off"),
            List.of("tap0", "tx", "on", "sg", "on"),
            List.of("ifb0", "gro", "off"),
            List.of("ifb0", "rxvlan", "off", "txvlan", "off"),
            List.of("lo", "gro", "off"),
            List.of("lo", "lro", "on"),
            List.of("vb", "highdma", "off", "rxhash", "on", "ntuple", "on"),
            List.of("vb", "gro", "on", "gro", "on"),
            // what ethtool accepts that a careful reader might not (offloadctl set --strict refuses these)
            List.of("va", "gro", "off", "gro", "on"),               // both ways: on wins
            List.of("va", "gro", "on", "generic-receive-offload", "off"),
            List.of("va", "tso", "on", "tx-tcp-segmentation", "off"),
            List.of("va", "gro", "off"),
            List.of("va", "ufo", "on"),                             // no such kernel feature: nothing to change
            List.of("va", "ufo", "on", "gso", "off"),               // ignored beside others
            List.of("va", "udp-fragmentation-offload", "off", "gso", "on"),
            List.of("va"),                                          // no settings: "Could not change", 1
            List.of(),                                              // no interface: bad command line, 1
            List.of("abcdefghijklmnopq", "gro", "on"),              // 17 bytes: no such device, 92
            List.of(COMMA_NAME, "gro", "off"),                      // a comma in a name: that interface
            List.of(COMMA_NAME, "gro", "on"),
            List.of(LONG_ALT, "gro", "off"),                        // alternative names reach va
            List.of(SHORT_ALT, "gro", "on", "gso", "off"),
            List.of("va", "gso", "on"));



    @Test
    void everyStepMatchesEthtool() {
        for (List<String> step : STEPS) {
            List<String> ourArgs = new ArrayList<>(List.of("--netns", ours.name(), "set"));
            ourArgs.addAll(step);
            Shell.Result mine = CliRun.run(ourArgs.toArray(String[]::new));
            List<String> ethtoolArgs = new ArrayList<>(List.of("ethtool", "-K"));
            ethtoolArgs.addAll(step);
            Shell.Result theirs = reference.exec(ethtoolArgs.toArray(String[]::new));

            String what = String.join(" ", step) + "\nours: " + mine + "\nethtool: " + theirs;
            assertEquals(theirs.exitCode(), mine.exitCode(), what);
            assertEquals(theirs.out(), mine.out(), what);
            assertEquals(theirs.err().contains("Could not change any device features"),
                    mine.err().contains("Could not change any device features"), what);
            List<String> checked = new ArrayList<>(TestNamespace.LAB_INTERFACES);
            checked.add(COMMA_NAME);
            for (String iface : checked) {
                String state = ours.ethtoolFeatures(iface);
                assertEquals(reference.ethtoolFeatures(iface), state, what + "\nstate of " + iface);
                assertEquals(state, CliRun.run("--netns", ours.name(), "show", iface).out(), iface);
            }
        }
    }
}
