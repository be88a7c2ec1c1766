package io.offloadctl.model.policy;

import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.EnumMaps;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.model.settings.RingParameter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.SettingName;

/** The desired settings of one interface: a section per kind of setting. */
@Schema(description = "The desired settings of one interface: features by kernel name, channel counts by kind, size limits, ring, "
        + "coalescing and pause parameters by name.")
public record DesiredInterface(
        @Schema(description = "Interface name.", examples = "eno1") String name,
        @Schema(description = "Desired value per kernel feature name.") Map<String, DesiredFeature> features,
        @Schema(description = "Desired count per kind of channel (rx, tx, other, combined); empty when no policy sets channels here.")
        Map<ChannelKind, DesiredCount> channels,
        @Schema(description = "Desired size limits (gso_max_size, gro_max_size, ...); empty when no policy sets limits here.")
        Map<LinkLimit, DesiredCount> limits,
        @Schema(description = "Desired ring parameters (rx, tx, ...; tx_push 1 or 0); empty when no policy sets rings here.")
        Map<RingParameter, DesiredCount> rings,
        @Schema(description = "Desired coalescing parameters (rx_usecs, adaptive_rx 1 or 0, ...); empty when no policy sets "
                + "coalescing here.") Map<CoalesceParameter, DesiredCount> coalesce,
        @Schema(description = "Desired pause parameters (autoneg, rx, tx: 1 or 0); empty when no policy sets pause here.")
        Map<PauseParameter, DesiredCount> pause) {

    public DesiredInterface {
        features = features == null ? Map.of() : new TreeMap<>(features);
        channels = EnumMaps.copy(channels, ChannelKind.class);
        limits = EnumMaps.copy(limits, LinkLimit.class);
        rings = EnumMaps.copy(rings, RingParameter.class);
        coalesce = EnumMaps.copy(coalesce, CoalesceParameter.class);
        pause = EnumMaps.copy(pause, PauseParameter.class);
    }

    public DesiredInterface(String name, Map<String, DesiredFeature> features, Map<ChannelKind, DesiredCount> channels,
                            Map<LinkLimit, DesiredCount> limits, Map<RingParameter, DesiredCount> rings,
                            Map<CoalesceParameter, DesiredCount> coalesce) {
        this(name, features, channels, limits, rings, coalesce, Map.of());
    }

    public DesiredInterface(String name, Map<String, DesiredFeature> features, Map<ChannelKind, DesiredCount> channels,
                            Map<LinkLimit, DesiredCount> limits) {
        this(name, features, channels, limits, Map.of(), Map.of(), Map.of());
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

    /** Every desired setting by {@link SettingName}: features, then channels, limits, rings, coalescing and pause. */
    public Map<String, Wanted> settings() {
        Map<String, Wanted> all = new LinkedHashMap<>();
        features.forEach((feature, d) -> all.put(feature, new Wanted(d.value(), d.policy(), d.mode(), d.suspends())));
        channels.forEach((kind, d) -> all.put(SettingName.channel(kind), new Wanted(d.value(), d.policy(), d.mode(), d.suspends())));
        limits.forEach((limit, d) -> all.put(SettingName.limit(limit), new Wanted(d.value(), d.policy(), d.mode(), d.suspends())));
        rings.forEach((p, d) -> all.put(SettingName.parameter(p), new Wanted(d.value(), d.policy(), d.mode(), d.suspends())));
        coalesce.forEach((p, d) -> all.put(SettingName.parameter(p), new Wanted(d.value(), d.policy(), d.mode(), d.suspends())));
        pause.forEach((p, d) -> all.put(SettingName.parameter(p), new Wanted(d.value(), d.policy(), d.mode(), d.suspends())));
        return all;
    }
}
