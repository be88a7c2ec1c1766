package io.offloadctl.node.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.offloadctl.node.testing.CliRun;
import io.offloadctl.node.testing.Shell;
import io.offloadctl.node.testing.TestNamespace;

/** A set across several interfaces is all-or-nothing: on any failure every interface is put back. */
@Tag("ffi")
class AllOrNothingApplierTest {

    TestNamespace lab;

    @BeforeEach
    void createLab() {
        lab = TestNamespace.createLab("txn");
    }

    @AfterEach
    void removeLab() {
        lab.close();
    }

    private Map<String, String> states() {
        return Map.of("va", lab.ethtoolFeatures("va"), "vb", lab.ethtoolFeatures("vb"), "br0", lab.ethtoolFeatures("br0"));
    }

    @Test
    void aFailureOnTheSecondInterfacePutsTheFirstBack() {
        lab.exec("ethtool", "-K", "va", "tso", "off", "gro", "off").orFail();
        // vb without scatter-gather cannot take TSO: the kernel keeps it off.
        lab.exec("ethtool", "-K", "vb", "sg", "off", "gro", "off").orFail();
        Map<String, String> before = states();

        Shell.Result result = CliRun.run("--netns", lab.name(), "set", "va,vb", "tso", "on", "gro", "on");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().contains("'vb' did not take tx-tcp-segmentation on"), result.err());
        assertTrue(result.err().contains("every interface was put back as it was"), result.err());
        assertEquals(before, states());
    }

    @Test
    void aRequestOfNothingIsJudgedOnEveryInterface() {
        // ufo stands for no feature of this kernel: as for one interface, nothing could be changed (1)
        Map<String, String> before = states();
        Shell.Result result = CliRun.run("--netns", lab.name(), "set", "va,vb", "ufo", "on");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue((result.out() + result.err()).contains("Could not change any device features"), result.toString());
        assertEquals(before, states());
    }

    @Test
    void aMissingInterfaceChangesNothing() {
        Map<String, String> before = states();
        Shell.Result result = CliRun.run("--netns", lab.name(), "set", "va,br0,nosuch0", "gro", "on");
        assertEquals(92, result.exitCode(), result.toString());
        assertTrue(result.err().contains("no interface named 'nosuch0'"));
        assertEquals(before, states());
    }

    @Test
    void whenEverythingTakesAllInterfacesChange() {
        Shell.Result result = CliRun.run("--netns", lab.name(), "set", "va,br0", "gro", "off", "gso", "off");
        assertEquals(0, result.exitCode(), result.toString());
        for (String iface : new String[] {"va", "br0"}) {
            String state = lab.ethtoolFeatures(iface);
            assertTrue(state.contains("generic-receive-offload: off\n"), state);
            assertTrue(state.contains("generic-segmentation-offload: off\n"), state);
        }
    }
}
