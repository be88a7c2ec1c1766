package io.offloadctl.node.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.Setting;

/**
 * Parses the {@code NAME VALUE [NAME VALUE ...]} arguments of the setting verbs as ethtool and ip
 * take them: {@code NAME on|off} (-K), {@code KIND N} (-L), {@code LIMIT N} (ip link set), driver
 * parameters of either kind (-G, -C).
 */
final class SettingArguments {

    private SettingArguments() {
    }

    /** {@code NAME on|off} pairs, in order, repeats kept (the feature resolver decides what they mean). */
    static List<Setting> parse(List<String> arguments) {
        List<Setting> settings = new ArrayList<>();
        pairs(arguments, "'on' or 'off'", value -> "on".equals(value) || "off".equals(value),
                (name, value) -> settings.add(new Setting(name, value.equals("on"))));
        return settings;
    }

    /**
     * {@code KEY N} pairs, {@code N} a decimal number of up to {@code digits} digits; {@code key}
     * maps a name to its key or throws (with suggestions); a key named twice keeps its last value, as
     * ethtool -L and ip link take it.
     */
    static <K> Map<K, Long> counts(List<String> arguments, Function<String, K> key, String what, int digits) {
        Map<K, Long> counts = new LinkedHashMap<>();
        pairs(arguments, what, value -> value.matches("[0-9]{1," + digits + "}"),
                (name, value) -> counts.put(key.apply(name), Long.parseLong(value)));
        return counts;
    }

    /**
     * {@code NAME VALUE} pairs of a driver's parameters as {@code ethtool -G} and {@code -C} take
     * them: {@code key} maps a name to its parameter or throws (with suggestions); the value is
     * {@code on|off} (1 or 0) where {@code onOff} says so, else a u32; a parameter named twice is
     * refused, as there.
     */
    static <K> Map<K, Long> parameters(List<String> arguments, Function<String, K> key, java.util.function.Predicate<K> onOff) {
        Map<K, Long> values = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i += 2) {
            String name = arguments.get(i);
            K parameter = key.apply(name);
            boolean isSwitch = onOff.test(parameter);
            String value = i + 1 < arguments.size() ? arguments.get(i + 1) : null;
            boolean valid = value != null && (isSwitch ? "on".equals(value) || "off".equals(value)
                    : value.matches("[0-9]{1,10}") && Long.parseLong(value) <= U32_MAX);
            if (!valid) {
                throw missing(name, isSwitch ? "'on' or 'off'" : "a number from 0 to " + U32_MAX, value);
            }
            if (values.put(parameter, isSwitch ? ("on".equals(value) ? 1L : 0L) : Long.parseLong(value)) != null) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "duplicate parameter '" + name + "'");
            }
        }
        return values;
    }

    private static final long U32_MAX = 0xffff_ffffL;

    private static OffloadException missing(String name, String expected, String value) {
        return new OffloadException(ErrorKind.INVALID_ARGUMENT, value == null
                ? "'" + name + "' must be followed by " + expected
                : "'" + name + "' must be followed by " + expected + ", not '" + value + "'");
    }

    private interface Pair {
        void accept(String name, String value);
    }

    private static void pairs(List<String> arguments, String expected, java.util.function.Predicate<String> valid, Pair pair) {
        for (int i = 0; i < arguments.size(); i += 2) {
            String name = arguments.get(i);
            String value = i + 1 < arguments.size() ? arguments.get(i + 1) : null;
            if (value == null || !valid.test(value)) {
                throw missing(name, expected, value);
            }
            pair.accept(name, value);
        }
    }
}
