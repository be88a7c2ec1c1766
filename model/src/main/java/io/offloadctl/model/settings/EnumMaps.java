package io.offloadctl.model.settings;

import java.util.EnumMap;
import java.util.Map;

/** The one copy of a section's values into an EnumMap (in the enum's order), which every record of settings makes. */
public final class EnumMaps {

    private EnumMaps() {
    }

    /** A copy of {@code values} in {@code type}'s order; empty for null. */
    public static <K extends Enum<K>, V> Map<K, V> copy(Map<K, V> values, Class<K> type) {
        Map<K, V> copy = new EnumMap<>(type);
        if (values != null) {
            copy.putAll(values);
        }
        return copy;
    }
}
