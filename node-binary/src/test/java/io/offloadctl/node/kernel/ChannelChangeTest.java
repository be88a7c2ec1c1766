package io.offloadctl.node.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.SettingsRequest;
import io.offloadctl.node.testing.TestNamespace;

/**
 * Channels in a change of settings, against the kernel (ethtool -l/-k judge): applied with the
 * features, checkpointed and put back with them when another interface fails, undone on request,
 * and reported (a veth's maxima; none for a bridge).
 */
@Tag("ffi")
class ChannelChangeTest {

    TestNamespace lab;

    @BeforeEach
    void createLab() {
        lab = TestNamespace.create("chch");
        lab.ip("link", "add", "qa", "numtxqueues", "4", "numrxqueues", "4", "type", "veth", "peer", "name", "qb",
                "numtxqueues", "4", "numrxqueues", "4").orFail();
        lab.ip("link", "add", "br0", "type", "bridge").orFail();
    }

    @AfterEach
    void removeLab() {
        lab.close();
    }

    private String channels(String iface) {
        return lab.exec("ethtool", "-l", iface).orFail().out();
    }

    private Map<String, String> state() {
        return Map.of("qa", channels("qa") + lab.ethtoolFeatures("qa"), "qb", channels("qb") + lab.ethtoolFeatures("qb"));
    }

    private KernelSession session() {
        return KernelSession.open(NetworkNamespace.resolve(lab.name()));
    }

    @Test
    void channelsAndFeaturesChangeTogetherAndAreUndoneTogether() {
        try (KernelSession session = session()) {
            AllOrNothingApplier applier = new AllOrNothingApplier(session);
            Map<String, String> before = state();
            AllOrNothingApplier.Change change = applier.apply(Map.of("qa", new SettingsRequest(
                    new FeatureRequest(Map.of("rx-gro", false)), Map.of(ChannelKind.rx, 2, ChannelKind.tx, 3))));
            String after = channels("qa");
            assertTrue(after.endsWith("Current hardware settings:\nRX:\t\t2\nTX:\t\t3\nOther:\t\tn/a\nCombined:\tn/a\n"), after);
            assertTrue(lab.ethtoolFeatures("qa").contains("generic-receive-offload: off\n"));
            assertEquals(1, change.channels().size());
            assertEquals(4, change.channels().get(0).before().current().rx());

            applier.undo(change);
            assertEquals(before, state());
        }
    }

    @Test
    void aFailureOnTheSecondInterfacePutsTheFirstsChannelsBack() {
        try (KernelSession session = session()) {
            Map<String, String> before = state();
            Map<String, SettingsRequest> plan = new LinkedHashMap<>();
            plan.put("qa", new SettingsRequest(new FeatureRequest(Map.of("rx-gro", false)), Map.of(ChannelKind.rx, 1)));
            plan.put("qb", new SettingsRequest(new FeatureRequest(Map.of()), Map.of(ChannelKind.combined, 2)));
            OffloadException e = assertThrows(OffloadException.class, () -> new AllOrNothingApplier(session).apply(plan));
            assertEquals("'qb' has no combined channels (its driver reports a maximum of 0)", e.getMessage());
            assertEquals(before, state());
        }
    }

    @Test
    void theNodeReportCarriesChannelsWhereTheDriverHasThem() {
        try (KernelSession session = session()) {
            NodeReport report = new NodeStateReader(session).read(Map.of(), null);
            InterfaceReport qa = report.interfaces().stream().filter(i -> i.name().equals("qa")).findFirst().orElseThrow();
            assertEquals(4, qa.channels().maximum().rx());
            assertEquals(4, qa.channels().current().tx());
            assertNull(report.interfaces().stream().filter(i -> i.name().equals("br0")).findFirst().orElseThrow().channels());
        }
    }
}
