package io.offloadctl.node.kernel;

import io.offloadctl.model.ChangeReport;
import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.FeatureTable;
import io.offloadctl.node.ffi.SfeaturesFlag;

import java.util.Set;

/**
 * One feature change on one interface: what was asked, the reads before and after, the report
 * that compares them, and the flags of the kernel's answer to ETHTOOL_SFEATURES.
 */
public record SetOutcome(String interfaceName, FeatureRequest request, FeatureTable before, FeatureTable after,
                         ChangeReport report, Set<SfeaturesFlag> kernelFlags) {

    public SetOutcome {
        kernelFlags = Set.copyOf(kernelFlags);
    }

    /**
     * ethtool's "Could not change any device features": every requested feature ended up other
     * than requested, or nothing was requested at all (no settings, or only names that stand for
     * nothing on this kernel).
     */
    public boolean nothingChanged() {
        return report.nothingChanged() || request.isEmpty();
    }

    /** A requested feature that was changeable but did not end up as requested. */
    public boolean failedOnChangeableFeature() {
        return report.unmet().stream()
                .anyMatch(line -> before.feature(line.name()).map(f -> f.changeable()).orElse(false));
    }
}
