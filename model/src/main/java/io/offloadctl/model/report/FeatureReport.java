package io.offloadctl.model.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.Feature;

/** One feature of one interface as a node reports it. */
@Schema(description = "The state of one kernel feature on one interface, as ETHTOOL_GFEATURES reports it.")
public record FeatureReport(
        @Schema(description = "Whether the feature is in effect.") boolean active,
        @Schema(description = "Whether the feature was last asked for (it may differ from active when a dependency prevents it).") boolean requested,
        @Schema(description = "Whether the driver lets the feature be changed.") boolean changeable,
        @Schema(description = "The opposite of changeable: what ethtool marks [fixed].") boolean fixed) {

    public static FeatureReport of(Feature feature) {
        return new FeatureReport(feature.active(), feature.requested(), feature.changeable(), feature.fixed());
    }
}
