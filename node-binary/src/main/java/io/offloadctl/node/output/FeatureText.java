package io.offloadctl.node.output;

import java.util.List;

import io.offloadctl.model.Feature;
import io.offloadctl.model.FeatureTable;
import io.offloadctl.model.LegacyFlag;
import io.offloadctl.model.LegacyFlags;

/**
 * Renders features exactly as {@code ethtool -k} (ethtool 6.1, netlink path) prints them: the
 * legacy flags first, in ethtool's order, each as one line when it has one member and otherwise as
 * the OR of its members followed by the members indented; then every other feature in bit order.
 */
public final class FeatureText {

    private FeatureText() {
    }

    public static String render(FeatureTable table) {
        StringBuilder out = new StringBuilder("Features for ").append(table.interfaceName()).append(":\n");
        for (LegacyFlag flag : LegacyFlags.all()) {
            if (flag.shortName().equals(LegacyFlags.UFO)) {
                continue;
            }
            List<Feature> members = table.features().stream()
                    .filter(f -> LegacyFlags.groupOf(f.name()).filter(flag::equals).isPresent())
                    .toList();
            if (members.size() == 1) {
                line(out, "", flag.longName(), members.get(0));
                continue;
            }
            boolean any = members.stream().anyMatch(Feature::active);
            out.append(flag.longName()).append(": ").append(onOff(any)).append('\n');
            members.forEach(member -> line(out, "\t", member.name(), member));
        }
        table.features().stream()
                .filter(f -> LegacyFlags.groupOf(f.name()).isEmpty())
                .forEach(f -> line(out, "", f.name(), f));
        return out.toString();
    }

    private static void line(StringBuilder out, String prefix, String label, Feature feature) {
        out.append(prefix).append(label).append(": ").append(onOff(feature.active()));
        if (feature.fixed()) {
            out.append(" [fixed]");
        } else if (feature.pending()) {
            out.append(" [requested ").append(onOff(feature.requested())).append(']');
        }
        out.append('\n');
    }

    static String onOff(boolean value) {
        return value ? "on" : "off";
    }
}
