package io.offloadctl.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns settings written with legacy or kernel names into a {@link FeatureRequest} for one
 * interface, expanding legacy names exactly as {@code ethtool -K} does. Rejects unknown names
 * (with the closest known ones); what it makes of overlapping settings and of legacy names this
 * kernel has no feature for is the {@link Mode}'s.
 */
public final class FeatureRequestResolver {

    /** How settings that ethtool accepts and a careful reader may not want are taken. */
    public enum Mode {
        /**
         * As {@code ethtool -K}: a feature set both ways in one request is turned on, whatever the
         * order (ethtool sets the wanted bit for every "on" and only the mask for an "off"); a
         * legacy name this kernel has no feature for ({@code ufo}) stands for nothing.
         */
        ETHTOOL,
        /** Both refused: a feature set both ways is INVALID_ARGUMENT, a legacy name for nothing NOT_SUPPORTED. */
        STRICT
    }

    private FeatureRequestResolver() {
    }

    /** Resolves against the features one interface has. */
    public static FeatureRequest resolve(List<Setting> settings, FeatureTable table, Mode mode) {
        return resolve(settings, table.names(), "'offloadctl show " + table.interfaceName() + "' lists the features", mode);
    }

    /**
     * Resolves against a list of known kernel names (in bit order); {@code listHint} tells people
     * where to find the names when nothing close to a mistyped one exists.
     */
    public static FeatureRequest resolve(List<Setting> settings, List<String> knownNames, String listHint, Mode mode) {
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        Map<String, Setting> origin = new LinkedHashMap<>();
        for (Setting setting : settings) {
            for (String kernelName : expand(setting.name(), knownNames, listHint, mode)) {
                Setting earlier = origin.putIfAbsent(kernelName, setting);
                if (earlier != null && earlier.on() != setting.on()) {
                    if (mode == Mode.STRICT) {
                        throw new OffloadException(ErrorKind.INVALID_ARGUMENT, String.format(
                                "contradictory settings: '%s' and '%s' both set %s", earlier, setting, kernelName));
                    }
                    wanted.put(kernelName, true);
                    continue;
                }
                wanted.put(kernelName, setting.on());
            }
        }
        return new FeatureRequest(wanted);
    }

    /** The kernel feature names one argument stands for, among {@code knownNames}. */
    public static List<String> expand(String argument, List<String> knownNames, String listHint, Mode mode) {
        List<String> members = LegacyFlags.members(argument, knownNames);
        if (!members.isEmpty()) {
            return members;
        }
        Optional<LegacyFlag> legacy = LegacyFlags.named(argument);
        if (legacy.isPresent() && mode == Mode.ETHTOOL) {
            return List.of();
        }
        if (legacy.isPresent()) {
            throw new OffloadException(ErrorKind.NOT_SUPPORTED, String.format(
                    "'%s' stands for %s, which this kernel does not have", argument, legacy.get().kernelPattern()));
        }
        throw unknownFeature(argument, knownNames, listHint);
    }

    private static OffloadException unknownFeature(String argument, List<String> knownNames, String listHint) {
        List<String> known = new ArrayList<>(knownNames);
        LegacyFlags.all().forEach(flag -> {
            known.add(flag.shortName());
            known.add(flag.longName());
        });
        List<String> closest = NameSuggestions.closest(argument, known);
        String hint = closest.isEmpty() ? "; " + listHint : "; did you mean " + String.join(", ", closest) + "?";
        return new OffloadException(ErrorKind.NOT_FOUND,
                "unknown feature '" + argument + "'" + hint);
    }
}
