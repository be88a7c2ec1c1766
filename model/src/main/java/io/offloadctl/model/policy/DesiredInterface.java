package io.offloadctl.model.policy;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The desired features of one interface. */
@Schema(description = "The desired features of one interface, by kernel feature name.")
public record DesiredInterface(
        @Schema(description = "Interface name.", examples = "eno1") String name,
        @Schema(description = "Desired value per kernel feature name.") Map<String, DesiredFeature> features) {

    public DesiredInterface {
        features = new TreeMap<>(features);
    }
}
