package io.offloadctl.node.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.RingParameter;
import io.offloadctl.model.settings.SettingsRequest;
import io.offloadctl.node.testing.TestNamespace;

/**
 * Rings and coalescing in a change of settings, against the kernel (ethtool -c/-g/-k judge): tap
 * takes rx-frames, so it is changed with features and put back with them; what a driver does not
 * report (rings on tap and veth, rx-usecs on tap) refuses the whole change before anything is touched,
 * and a later refusal by the kernel puts the coalescing back too.
 */
@Tag("ffi")
class ParameterChangeTest {

    TestNamespace lab;

    @BeforeEach
    void createLab() {
        lab = TestNamespace.createLab("parch");
        lab.ip("tuntap", "add", "dev", "tap1", "mode", "tap").orFail();
    }

    @AfterEach
    void removeLab() {
        lab.close();
    }

    private KernelSession session() {
        return KernelSession.open(NetworkNamespace.resolve(lab.name()));
    }

    private Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String iface : new String[] {"tap0", "tap1", "va"}) {
            state.put(iface, lab.exec("ethtool", "-c", iface).out() + lab.ethtoolFeatures(iface)
                    + lab.ip("-d", "link", "show", "dev", iface).orFail().out().replaceAll("^[0-9]+: ", ""));
        }
        return state;
    }

    private static SettingsRequest coalescing(Map<String, Boolean> features, Map<CoalesceParameter, Long> coalesce) {
        return new SettingsRequest(new FeatureRequest(features), Map.of(), Map.of(), Map.of(), coalesce);
    }

    @Test
    void coalescingChangesWithFeaturesAndIsUndoneWithThem() {
        try (KernelSession session = session()) {
            Map<String, String> before = state();
            AllOrNothingApplier applier = new AllOrNothingApplier(session);
            AllOrNothingApplier.Change change = applier.apply(Map.of("tap0",
                    coalescing(Map.of("tx-generic-segmentation", false), Map.of(CoalesceParameter.rx_frames, 7L))));
            assertTrue(lab.exec("ethtool", "-c", "tap0").orFail().out().contains("\nrx-frames: 7\n"));
            assertTrue(lab.ethtoolFeatures("tap0").contains("generic-segmentation-offload: off"));
            assertEquals(Map.of(CoalesceParameter.rx_frames, 0L), change.parameters().get(0).before());
            assertEquals(7L, change.parameters().get(0).after().get(CoalesceParameter.rx_frames));

            applier.undo(change);
            assertEquals(before, state());
        }
    }

    @Test
    void whatADriverDoesNotReportRefusesTheWholeChangeFirst() {
        try (KernelSession session = session()) {
            Map<String, String> before = state();
            Map<String, SettingsRequest> plan = new LinkedHashMap<>();
            plan.put("tap0", coalescing(Map.of("tx-generic-segmentation", false), Map.of(CoalesceParameter.rx_frames, 9L)));
            plan.put("tap1", coalescing(Map.of(), Map.of(CoalesceParameter.rx_usecs, 5L)));
            OffloadException unsupported = assertThrows(OffloadException.class, () -> new AllOrNothingApplier(session).apply(plan));
            assertEquals("the driver of 'tap1' does not support rx-usecs", unsupported.getMessage());
            assertEquals(before, state());

            plan.put("tap1", new SettingsRequest(new FeatureRequest(Map.of()), Map.of(), Map.of(), Map.of(RingParameter.rx, 256L), Map.of()));
            OffloadException noRings = assertThrows(OffloadException.class, () -> new AllOrNothingApplier(session).apply(plan));
            assertTrue(noRings.getMessage().contains("'tap1' has no ring settings"), noRings.getMessage());
            assertEquals(before, state());
        }
    }

    @Test
    void whatTheKernelRefusesLaterPutsTheCoalescingBack() {
        try (KernelSession session = session()) {
            Map<String, String> before = state();
            Map<String, SettingsRequest> plan = new LinkedHashMap<>();
            plan.put("tap0", coalescing(Map.of(), Map.of(CoalesceParameter.rx_frames, 11L)));
            // below the kernel's minimum: our check lets it through, the kernel refuses it after tap0 changed
            plan.put("va", new SettingsRequest(new FeatureRequest(Map.of()), Map.of(), Map.of(LinkLimit.gso_max_size, 1L)));
            OffloadException e = assertThrows(OffloadException.class, () -> new AllOrNothingApplier(session).apply(plan));
            assertTrue(e.getMessage().contains("'va'"), e.getMessage());
            assertEquals(before, state());
        }
    }
}
