package io.offloadctl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
                List.of(new Setting("tso", false), new Setting("sg", true)), table());
        assertEquals(List.of("tx-tcp-segmentation", "tx-tcp6-segmentation", "tx-scatter-gather",
                "tx-scatter-gather-fraglist"), List.copyOf(request.wanted().keySet()));
        assertEquals(Map.of("tx-tcp-segmentation", false, "tx-tcp6-segmentation", false,
                "tx-scatter-gather", true, "tx-scatter-gather-fraglist", true), request.wanted());
    }

    @Test
    void longNamesAndKernelNamesAreAccepted() {
        FeatureRequest request = FeatureRequestResolver.resolve(
                List.of(new Setting("generic-receive-offload", false), new Setting("rx-gro-hw", true)), table());
        assertEquals(Map.of("rx-gro", false, "rx-gro-hw", true), request.wanted());
    }

    @Test
    void repeatingTheSameValueIsFineContradictingIsNot() {
        assertEquals(Map.of("rx-gro", true), FeatureRequestResolver.resolve(
                List.of(new Setting("gro", true), new Setting("rx-gro", true)), table()).wanted());
        OffloadException e = assertThrows(OffloadException.class, () -> FeatureRequestResolver.resolve(
                List.of(new Setting("tso", true), new Setting("tx-tcp6-segmentation", false)), table()));
        assertEquals(ErrorKind.INVALID_ARGUMENT, e.kind());
    }

    @Test
    void unknownNamesAreRejectedWithSuggestions() {
        OffloadException e = assertThrows(OffloadException.class,
                () -> FeatureRequestResolver.resolve(List.of(new Setting("rx-gr", true)), table()));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("did you mean rx-gro"), e.getMessage());
        OffloadException ufo = assertThrows(OffloadException.class,
                () -> FeatureRequestResolver.resolve(List.of(new Setting("ufo", true)), table()));
        assertEquals(ErrorKind.NOT_SUPPORTED, ufo.kind());
    }

    @Test
    void planListsOnlyWhatWouldChange() {
        FeatureRequest request = FeatureRequestResolver.resolve(
                List.of(new Setting("gro", true), new Setting("lro", false)), table());
        assertEquals(List.of(new FeatureRequest.PlannedChange("rx-lro", true, false, false)), request.plan(table()));
    }
}
