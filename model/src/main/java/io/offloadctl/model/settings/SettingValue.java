package io.offloadctl.model.settings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The value of one setting wherever settings of every kind travel together (deviations, conflicts,
 * contests, originals, enactments): a feature's on/off as a boolean, a count as a number. Values are
 * held as {@link Boolean} or {@link Long}, so that two equal values are equal whatever JSON they
 * were read from.
 */
@Schema(name = SettingValue.SCHEMA, description = "A setting's value: true or false for a feature (on, off), a whole number for "
        + "a count (channels).")
public final class SettingValue {

    /**
     * The name of its schema in the API's contract. Annotations cannot say "boolean or integer" without
     * the generator adding "type: object" beside it: the API's OpenAPI filter makes it oneOf boolean, integer.
     */
    public static final String SCHEMA = "SettingValue";

    /** What a nullable property refers to instead: the filter makes it anyOf SettingValue, null. */
    public static final String NULLABLE_SCHEMA = "SettingValueOrNull";

    private SettingValue() {
    }

    /** A Boolean as it is, any integral number as a Long; anything else is no setting value. */
    public static Object of(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        throw new IllegalArgumentException("a setting value is true, false or a whole number, not " + value);
    }

    /** "on", "off", or the number: as ethtool's commands write values. */
    public static String text(Object value) {
        Object normalized = of(value);
        return normalized instanceof Boolean on ? (on ? "on" : "off") : String.valueOf(normalized);
    }
}
