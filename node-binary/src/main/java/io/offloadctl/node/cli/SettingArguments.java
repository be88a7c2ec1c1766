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
 * take them: {@code NAME on|off} (-K), {@code KIND N} (-L), {@code LIMIT N} (ip link set).
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

    private interface Pair {
        void accept(String name, String value);
    }

    private static void pairs(List<String> arguments, String expected, java.util.function.Predicate<String> valid, Pair pair) {
        for (int i = 0; i < arguments.size(); i += 2) {
            String name = arguments.get(i);
            String value = i + 1 < arguments.size() ? arguments.get(i + 1) : null;
            if (value == null || !valid.test(value)) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, value == null
                        ? "'" + name + "' must be followed by " + expected
                        : "'" + name + "' must be followed by " + expected + ", not '" + value + "'");
            }
            pair.accept(name, value);
        }
    }
}
