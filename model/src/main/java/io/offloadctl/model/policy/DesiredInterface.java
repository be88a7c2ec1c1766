package io.offloadctl.model.policy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.SettingName;

/** The desired settings of one interface: a section per kind of setting. */
@Schema(description = "The desired settings of one interface: features by kernel name, channel counts by kind, size limits by name.")
public record DesiredInterface(
        @Schema(description = "Interface name.", examples = "eno1") String name,
        @Schema(description = "Desired value per kernel feature name.") Map<String, DesiredFeature> features,
        @Schema(description = "Desired count per kind of channel (rx, tx, other, combined); empty when no policy sets channels here.")
        Map<ChannelKind, DesiredCount> channels,
        @Schema(description = "Desired size limits (gso_max_size, gro_max_size, ...); empty when no policy sets limits here.")
        Map<LinkLimit, DesiredCount> limits) {

    public DesiredInterface {
        features = features == null ? Map.of() : new TreeMap<>(features);
        Map<ChannelKind, DesiredCount> counts = new EnumMap<>(ChannelKind.class);
        if (channels != null) {
            counts.putAll(channels);
        }
        channels = counts;
        Map<LinkLimit, DesiredCount> sizes = new EnumMap<>(LinkLimit.class);
        if (limits != null) {
            sizes.putAll(limits);
        }
        limits = sizes;
    }

    public DesiredInterface(String name, Map<String, DesiredFeature> features) {
        this(name, features, Map.of(), Map.of());
    }

    public DesiredInterface(String name, Map<String, DesiredFeature> features, Map<ChannelKind, DesiredCount> channels) {
        this(name, features, channels, Map.of());
    }

    /**
     * One desired setting, whatever its kind: its value as a {@link io.offloadctl.model.settings.SettingValue},
     * the deciding policy, its mode and the enforce-mode policies an audit winner suspends.
     */
    public record Wanted(Object value, String policy, PolicyMode mode, java.util.List<String> suspends) {
    }

    /** Every desired setting by {@link SettingName}: features, then channels, then limits. */
    public Map<String, Wanted> settings() {
        Map<String, Wanted> all = new LinkedHashMap<>();
        features.forEach((feature, d) -> all.put(feature, new Wanted(d.value(), d.policy(), d.mode(), d.suspends())));
        channels.forEach((kind, d) -> all.put(SettingName.channel(kind), new Wanted(d.value(), d.policy(), d.mode(), d.suspends())));
        limits.forEach((limit, d) -> all.put(SettingName.limit(limit), new Wanted(d.value(), d.policy(), d.mode(), d.suspends())));
        return all;
    }
}
