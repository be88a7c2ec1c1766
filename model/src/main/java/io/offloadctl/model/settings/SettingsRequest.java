package io.offloadctl.model.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.offloadctl.model.FeatureRequest;

/**
 * What to change on one interface, a typed section per kind of setting: features (kernel names,
 * on/off), channel counts and size limits. Applied as one change (features, then channels, then
 * limits), checkpointed and put back together.
 */
public record SettingsRequest(FeatureRequest features, Map<ChannelKind, Integer> channels, Map<LinkLimit, Long> limits) {

    public SettingsRequest {
        features = features == null ? new FeatureRequest(Map.of()) : features;
        Map<ChannelKind, Integer> copy = new EnumMap<>(ChannelKind.class);
        if (channels != null) {
            copy.putAll(channels);
        }
        channels = Collections.unmodifiableMap(copy);
        Map<LinkLimit, Long> limitCopy = new EnumMap<>(LinkLimit.class);
        if (limits != null) {
            limitCopy.putAll(limits);
        }
        limits = Collections.unmodifiableMap(limitCopy);
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
        bySetting.forEach((setting, value) -> {
            Object normalized = SettingValue.of(value);
            if (SettingName.isFeature(setting)) {
                features.put(setting, (Boolean) normalized);
                return;
            }
            SettingName.channelKind(setting).ifPresentOrElse(kind -> channels.put(kind, Math.toIntExact((Long) normalized)),
                    () -> limits.put(SettingName.limit(setting)
                            .orElseThrow(() -> new IllegalArgumentException("no such setting: " + setting)), (Long) normalized));
        });
        return new SettingsRequest(new FeatureRequest(features), channels, limits);
    }

    /** Every setting by {@link SettingName}: features in request order, then channels in kind order, then limits. */
    public Map<String, Object> settings() {
        Map<String, Object> all = new LinkedHashMap<>(features.wanted());
        channels.forEach((kind, count) -> all.put(SettingName.channel(kind), (long) count));
        limits.forEach((limit, value) -> all.put(SettingName.limit(limit), value));
        return all;
    }

    public boolean isEmpty() {
        return features.isEmpty() && channels.isEmpty() && limits.isEmpty();
    }

    /** "rx-gro off, channels.rx 2": each setting and its value, for messages. */
    public String describe(String interfaceName) {
        return String.join(", ", settings().entrySet().stream()
                .map(e -> interfaceName + " " + e.getKey() + " " + SettingValue.text(e.getValue())).toList());
    }
}
