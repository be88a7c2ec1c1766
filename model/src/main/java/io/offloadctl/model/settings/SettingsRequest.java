package io.offloadctl.model.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.offloadctl.model.FeatureRequest;

/**
 * What to change on one interface, a typed section per kind of setting: features (kernel names,
 * on/off), channel counts, size limits, rings, coalescing and pause (on/off parameters as 1 or 0). Applied
 * as one change in that order, checkpointed and put back together.
 */
public record SettingsRequest(FeatureRequest features, Map<ChannelKind, Integer> channels, Map<LinkLimit, Long> limits,
                              Map<RingParameter, Long> rings, Map<CoalesceParameter, Long> coalesce,
                              Map<PauseParameter, Long> pause) {

    public SettingsRequest {
        features = features == null ? new FeatureRequest(Map.of()) : features;
        channels = Collections.unmodifiableMap(EnumMaps.copy(channels, ChannelKind.class));
        limits = Collections.unmodifiableMap(EnumMaps.copy(limits, LinkLimit.class));
        rings = Collections.unmodifiableMap(EnumMaps.copy(rings, RingParameter.class));
        coalesce = Collections.unmodifiableMap(EnumMaps.copy(coalesce, CoalesceParameter.class));
        pause = Collections.unmodifiableMap(EnumMaps.copy(pause, PauseParameter.class));
    }

    /** Features, channels, limits, rings and coalescing, no pause. */
    public SettingsRequest(FeatureRequest features, Map<ChannelKind, Integer> channels, Map<LinkLimit, Long> limits,
                           Map<RingParameter, Long> rings, Map<CoalesceParameter, Long> coalesce) {
        this(features, channels, limits, rings, coalesce, Map.of());
    }

    /** Features, channels and limits, no rings or coalescing. */
    public SettingsRequest(FeatureRequest features, Map<ChannelKind, Integer> channels, Map<LinkLimit, Long> limits) {
        this(features, channels, limits, Map.of(), Map.of(), Map.of());
    }

    /** Features and channels, no limits. */
    public SettingsRequest(FeatureRequest features, Map<ChannelKind, Integer> channels) {
        this(features, channels, Map.of());
    }

    public static SettingsRequest ofFeatures(Map<String, Boolean> features) {
        return new SettingsRequest(new FeatureRequest(features), Map.of());
    }

    /** From settings by {@link SettingName}, values as {@link SettingValue} holds them. */
    public static SettingsRequest of(Map<String, Object> bySetting) {
        Map<String, Boolean> features = new LinkedHashMap<>();
        Map<ChannelKind, Integer> channels = new EnumMap<>(ChannelKind.class);
        Map<LinkLimit, Long> limits = new EnumMap<>(LinkLimit.class);
        Map<RingParameter, Long> rings = new EnumMap<>(RingParameter.class);
        Map<CoalesceParameter, Long> coalesce = new EnumMap<>(CoalesceParameter.class);
        Map<PauseParameter, Long> pause = new EnumMap<>(PauseParameter.class);
        bySetting.forEach((setting, value) -> {
            Object normalized = SettingValue.of(value);
            if (SettingName.isFeature(setting)) {
                features.put(setting, (Boolean) normalized);
                return;
            }
            Optional<ChannelKind> channel = SettingName.channelKind(setting);
            Optional<LinkLimit> limit = SettingName.limit(setting);
            Optional<RingParameter> ring = SettingName.ring(setting);
            Optional<CoalesceParameter> coalescing = SettingName.coalesce(setting);
            Optional<PauseParameter> pausing = SettingName.pause(setting);
            if (channel.isPresent()) {
                channels.put(channel.get(), Math.toIntExact((Long) normalized));
            } else if (limit.isPresent()) {
                limits.put(limit.get(), (Long) normalized);
            } else if (ring.isPresent()) {
                rings.put(ring.get(), (Long) normalized);
            } else if (coalescing.isPresent()) {
                coalesce.put(coalescing.get(), (Long) normalized);
            } else if (pausing.isPresent()) {
                pause.put(pausing.get(), (Long) normalized);
            } else {
                throw new IllegalArgumentException("no such setting: " + setting);
            }
        });
        return new SettingsRequest(new FeatureRequest(features), channels, limits, rings, coalesce, pause);
    }

    /** Every setting by {@link SettingName}: features in request order, then channels in kind order, then limits, rings, coalescing, pause. */
    public Map<String, Object> settings() {
        Map<String, Object> all = new LinkedHashMap<>(features.wanted());
        channels.forEach((kind, count) -> all.put(SettingName.channel(kind), (long) count));
        limits.forEach((limit, value) -> all.put(SettingName.limit(limit), value));
        rings.forEach((parameter, value) -> all.put(SettingName.parameter(parameter), value));
        coalesce.forEach((parameter, value) -> all.put(SettingName.parameter(parameter), value));
        pause.forEach((parameter, value) -> all.put(SettingName.parameter(parameter), value));
        return all;
    }

    public boolean isEmpty() {
        return features.isEmpty() && channels.isEmpty() && limits.isEmpty() && rings.isEmpty() && coalesce.isEmpty() && pause.isEmpty();
    }

    /** "rx-gro off, channels.rx 2": each setting and its value, for messages. */
    public String describe(String interfaceName) {
        return String.join(", ", settings().entrySet().stream()
                .map(e -> interfaceName + " " + e.getKey() + " " + SettingValue.text(e.getValue())).toList());
    }
}
