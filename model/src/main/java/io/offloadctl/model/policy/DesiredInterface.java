package io.offloadctl.model.policy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.SettingName;

/** The desired settings of one interface: a section per kind of setting. */
@Schema(description = "The desired settings of one interface: features by kernel name, channel counts by kind.")
public record DesiredInterface(
        @Schema(description = "Interface name.", examples = "eno1") String name,
        @Schema(description = "Desired value per kernel feature name.") Map<String, DesiredFeature> features,
        @Schema(description = "Desired count per kind of channel (rx, tx, other, combined); empty when no policy sets channels here.")
        Map<ChannelKind, DesiredCount> channels) {

    public DesiredInterface {
        features = features == null ? Map.of() : new TreeMap<>(features);
        Map<ChannelKind, DesiredCount> counts = new EnumMap<>(ChannelKind.class);
        if (channels != null) {
            counts.putAll(channels);
        }
        channels = counts;
    }

    public DesiredInterface(String name, Map<String, DesiredFeature> features) {
        this(name, features, Map.of());
    }

    /**
     * One desired setting, whatever its kind: its value as a {@link io.offloadctl.model.settings.SettingValue},
     * the deciding policy, its mode and the enforce-mode policies an audit winner suspends.
     */
    public record Wanted(Object value, String policy, PolicyMode mode, java.util.List<String> suspends) {
    }

    /** Every desired setting by {@link SettingName}: features, then channels. */
    public Map<String, Wanted> settings() {
        Map<String, Wanted> all = new LinkedHashMap<>();
        features.forEach((feature, d) -> all.put(feature, new Wanted(d.value(), d.policy(), d.mode(), d.suspends())));
        channels.forEach((kind, d) -> all.put(SettingName.channel(kind), new Wanted((long) d.value(), d.policy(), d.mode(), d.suspends())));
        return all;
    }
}
