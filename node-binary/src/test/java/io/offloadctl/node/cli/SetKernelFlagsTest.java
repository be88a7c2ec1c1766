package io.offloadctl.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code set --json} carries the flags of the kernel's answer to ETHTOOL_SFEATURES beside the
 * judgement made from the read after it (which is ethtool's, and decides the exit code).
 */
@Tag("ffi")
class SetKernelFlagsTest {

    static TestNamespace lab;

    @BeforeAll
    static void createLab() {
        lab = TestNamespace.createLab("sflags");
    }

    @AfterAll
    static void removeLab() {
        lab.close();
    }

    private static JsonNode set(int exitCode, String... settings) throws Exception {
        List<String> args = new ArrayList<>(List.of("--netns", lab.name(), "set", "--json", "va"));
        args.addAll(List.of(settings));
        Shell.Result result = CliRun.run(args.toArray(String[]::new));
        assertEquals(exitCode, result.exitCode(), result.toString());
        return new ObjectMapper().readTree(result.out());
    }

    private static List<String> flags(JsonNode result) {
        List<String> flags = new ArrayList<>();
        result.get("kernelFlags").forEach(f -> flags.add(f.asText()));
        return flags;
    }

    @Test
    void theKernelsAnswerIsReportedAndTheReadAfterItJudges() throws Exception {
        JsonNode changeable = set(0, "gro", "on");
        assertEquals(List.of(), flags(changeable));
        assertEquals(false, changeable.get("couldNotChangeAny").asBoolean());

        // LRO is fixed off on veth: the kernel ignores the bit and says so
        JsonNode fixed = set(1, "lro", "on");
        assertEquals(List.of("ETHTOOL_F_UNSUPPORTED"), flags(fixed));
        assertTrue(fixed.get("couldNotChangeAny").asBoolean());

        // TSO cannot come back while scatter-gather is off: recorded as wanted, not active (one member,
        // which does not depend on sg, does come on: so ethtool's judgement is not "could not change")
        set(0, "sg", "off");
        JsonNode wish = set(0, "tso", "on");
        assertEquals(List.of("ETHTOOL_F_WISH"), flags(wish));
        assertTrue(wish.get("actualChanges").toString().contains("\"tx-tcp-segmentation\""), wish.toString());
        assertTrue(lab.ethtoolFeatures("va").contains("\ttx-tcp-segmentation: off [requested on]\n"), lab.ethtoolFeatures("va"));
        set(0, "sg", "on");
    }
}
