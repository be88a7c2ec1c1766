package io.offloadctl.node.kernel;

import io.offloadctl.model.ChangeReport;
import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.FeatureTable;

/**
 * One feature change on one interface: what was asked, the reads before and after, and the
 * report that compares them.
 */
public record SetOutcome(String interfaceName, FeatureRequest request, FeatureTable before, FeatureTable after,
                         ChangeReport report) {

    /** A requested feature that was changeable but did not end up as requested. */
    public boolean failedOnChangeableFeature() {
        return report.unmet().stream()
                .anyMatch(line -> before.feature(line.name()).map(f -> f.changeable()).orElse(false));
    }
}
