package io.offloadctl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The kernel's FEATURES_SET reply logic, on before/after states like those a real interface shows. */
class ChangeReportTest {

    private static FeatureTable table(boolean sg, boolean tso, boolean lro) {
        return new FeatureTable("va", 1, List.of(
                new Feature("tx-scatter-gather", 0, true, sg, sg, false),
                new Feature("tx-tcp-segmentation", 1, true, true, tso, false),
                new Feature("rx-lro", 2, false, false, lro, false)));
    }

    @Test
    void asRequestedPrintsNothing() {
        ChangeReport report = ChangeReport.of(new FeatureRequest(Map.of("tx-tcp-segmentation", false)),
                table(true, true, false), table(true, false, false));
        assertFalse(report.hasDifferences());
        assertFalse(report.nothingChanged());
    }

    @Test
    void dependentChangesAreListedAsNotRequested() {
        ChangeReport report = ChangeReport.of(new FeatureRequest(Map.of("tx-scatter-gather", false)),
                table(true, true, false), table(false, false, false));
        assertEquals(List.of(
                new ChangeReport.Line("tx-scatter-gather", false, ChangeReport.Outcome.AS_REQUESTED),
                new ChangeReport.Line("tx-tcp-segmentation", false, ChangeReport.Outcome.NOT_REQUESTED)),
                report.lines());
        assertFalse(report.nothingChanged());
    }

    @Test
    void aFixedFeatureIsUnmetAndNothingChanged() {
        ChangeReport report = ChangeReport.of(new FeatureRequest(Map.of("rx-lro", true)),
                table(true, true, false), table(true, true, false));
        assertEquals(List.of(new ChangeReport.Line("rx-lro", false, ChangeReport.Outcome.DIFFERS_FROM_REQUEST)),
                report.lines());
        assertTrue(report.nothingChanged());
        assertEquals(1, report.unmet().size());
    }
}
