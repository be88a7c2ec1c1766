package io.offloadctl.model.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.offloadctl.model.KernelFeatureNames;
import io.offloadctl.model.LegacyFlag;
import io.offloadctl.model.LegacyFlags;
import io.offloadctl.model.Setting;

/**
 * Writes kernel features back as ethtool's legacy names where a whole group is set alike
 * ({@code tso off} for every {@code tx-tcp*-segmentation}, {@code gro off} for rx-gro): shorter,
 * and right on kernels that have more or fewer members of a group than the one the policy was
 * written on.
 */
public final class LegacyCompaction {

    private LegacyCompaction() {
    }

    public static List<Setting> compact(Map<String, Boolean> features) {
        Map<String, Boolean> left = new TreeMap<>(features);
        List<Setting> settings = new ArrayList<>();
        for (LegacyFlag flag : LegacyFlags.all()) {
            List<String> members = KernelFeatureNames.all().stream().filter(flag::matches).toList();
            if (members.isEmpty()) {
                continue;
            }
            Boolean value = left.get(members.get(0));
            if (value != null && members.stream().allMatch(m -> value.equals(left.get(m)))) {
                members.forEach(left::remove);
                settings.add(new Setting(flag.shortName(), value));
            }
        }
        left.forEach((name, on) -> settings.add(new Setting(name, on)));
        return settings;
    }

    /** {@code tso off rx-gro off}: the arguments of ethtool -K and offloadctl set. */
    public static String arguments(Map<String, Boolean> features) {
        return String.join(" ", compact(features).stream().map(Setting::toString).toList());
    }

    /**
     * The changes to one interface as ethtool -K arguments, a legacy name wherever it covers exactly
     * what changes there: every member of the group the interface has is either changed to the same
     * value or already at it (or fixed), so {@code tso off} does what the member list would.
     */
    public static String arguments(Map<String, Boolean> changes, Map<String, io.offloadctl.model.report.FeatureReport> features) {
        Map<String, Boolean> left = new TreeMap<>(changes);
        List<Setting> settings = new ArrayList<>();
        for (LegacyFlag flag : LegacyFlags.all()) {
            List<String> members = features.keySet().stream().filter(flag::matches).toList();
            List<String> changed = members.stream().filter(left::containsKey).toList();
            if (changed.isEmpty()) {
                continue;
            }
            Boolean value = left.get(changed.get(0));
            boolean covers = members.stream().allMatch(m -> left.containsKey(m) ? value.equals(left.get(m))
                    : features.get(m).active() == value || features.get(m).fixed());
            if (covers) {
                changed.forEach(left::remove);
                settings.add(new Setting(flag.shortName(), value));
            }
        }
        left.forEach((name, on) -> settings.add(new Setting(name, on)));
        return String.join(" ", settings.stream().map(Setting::toString).toList());
    }
}
