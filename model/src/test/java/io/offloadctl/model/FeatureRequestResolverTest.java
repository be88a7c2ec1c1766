package io.offloadctl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.offloadctl.model.FeatureRequestResolver.Mode.ETHTOOL;
import static io.offloadctl.model.FeatureRequestResolver.Mode.STRICT;

class FeatureRequestResolverTest {

    static final List<String> NAMES = List.of("tx-scatter-gather", "tx-checksum-ipv4", "tx-checksum-ip-generic",
            "tx-generic-segmentation", "rx-gro", "rx-lro", "tx-tcp-segmentation", "tx-tcp6-segmentation",
            "tx-scatter-gather-fraglist", "rx-gro-hw");

    static FeatureTable table() {
        List<Feature> features = new java.util.ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            features.add(new Feature(NAMES.get(i), i, true, true, true, false));
        }
        return new FeatureTable("eth0", 1, features);
    }

    @Test
    void legacyNamesExpandToEveryMatchingKernelFeatureInBitOrder() {
        FeatureRequest request = FeatureRequestResolver.resolve(
                List.of(new Setting("tso", false), new Setting("sg", true)), table(), ETHTOOL);
        assertEquals(List.of("tx-tcp-segmentation", "tx-tcp6-segmentation", "tx-scatter-gather",
                "tx-scatter-gather-fraglist"), List.copyOf(request.wanted().keySet()));
        assertEquals(Map.of("tx-tcp-segmentation", false, "tx-tcp6-segmentation", false,
                "tx-scatter-gather", true, "tx-scatter-gather-fraglist", true), request.wanted());
    }

    @Test
    void longNamesAndKernelNamesAreAccepted() {
        FeatureRequest request = FeatureRequestResolver.resolve(
                List.of(new Setting("generic-receive-offload", false), new Setting("rx-gro-hw", true)), table(), ETHTOOL);
        assertEquals(Map.of("rx-gro", false, "rx-gro-hw", true), request.wanted());
    }

    @Test
    void aFeatureSetBothWaysIsOnAsEthtoolHasItAndRefusedWhenStrict() {
        assertEquals(Map.of("rx-gro", true), FeatureRequestResolver.resolve(
                List.of(new Setting("gro", true), new Setting("rx-gro", true)), table(), STRICT).wanted());
        for (List<Setting> both : List.of(List.of(new Setting("gro", false), new Setting("gro", true)),
                List.of(new Setting("gro", true), new Setting("generic-receive-offload", false)))) {
            assertEquals(Map.of("rx-gro", true), FeatureRequestResolver.resolve(both, table(), ETHTOOL).wanted(), both.toString());
        }
        // tso on, then one of its members off: both tso members stay on
        assertEquals(Map.of("tx-tcp-segmentation", true, "tx-tcp6-segmentation", true), FeatureRequestResolver.resolve(
                List.of(new Setting("tso", true), new Setting("tx-tcp6-segmentation", false)), table(), ETHTOOL).wanted());
        OffloadException e = assertThrows(OffloadException.class, () -> FeatureRequestResolver.resolve(
                List.of(new Setting("tso", true), new Setting("tx-tcp6-segmentation", false)), table(), STRICT));
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
    }

    @Test
    void unknownNamesAreRejectedWithSuggestions() {
        OffloadException e = assertThrows(OffloadException.class,
                () -> FeatureRequestResolver.resolve(List.of(new Setting("rx-gr", true)), table(), ETHTOOL));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("did you mean rx-gro"), e.getMessage());
        // a legacy name with no feature on this kernel: nothing, as ethtool expands it; refused when strict
        assertEquals(Map.of("rx-gro", false), FeatureRequestResolver.resolve(
                List.of(new Setting("ufo", true), new Setting("gro", false)), table(), ETHTOOL).wanted());
        OffloadException ufo = assertThrows(OffloadException.class,
                () -> FeatureRequestResolver.resolve(List.of(new Setting("ufo", true)), table(), STRICT));
        assertEquals(ErrorKind.NOT_SUPPORTED, ufo.kind());
    }

    @Test
    void planListsOnlyWhatWouldChange() {
        FeatureRequest request = FeatureRequestResolver.resolve(
                List.of(new Setting("gro", true), new Setting("lro", false)), table(), ETHTOOL);
        assertEquals(List.of(new FeatureRequest.PlannedChange("rx-lro", true, false, false)), request.plan(table()));
    }
}
