package io.offloadctl.model.persist;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.offloadctl.model.LegacyFlags;
import io.offloadctl.model.Setting;
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.RingParameter;

/**
 * A TuneD profile (/etc/tuned/offloadctl-NAME/tuned.conf) with one [net] unit per target: TuneD's
 * net plugin runs {@code ethtool -K/-L/-G/-C/-A} with the unit's features, channels, ring, coalesce and pause
 * options on the devices it matches (a glob; drivers by the udev property ID_NET_DRIVER), and puts
 * the old values back when the profile is switched off. TuneD sets only what {@code ethtool -k}
 * prints unindented, by that name: a legacy group's short name (gro, tso) or a kernel name; a member
 * of a group that it prints indented (tx-tcp6-segmentation under tcp-segmentation-offload) it cannot
 * set alone, and it has no size limits: the comments say what is left out.
 */
final class TunedProfileRenderer implements PersistRenderer {


    @Override
    public String render(PersistPlan plan) {
        String profile = "offloadctl-" + plan.name();
        StringBuilder out = new StringBuilder("# /etc/tuned/" + profile + "/tuned.conf\n"
                + "# offloadctl persistence \"" + plan.name() + "\" as a TuneD profile. TuneD merges the profiles it is given:\n"
                + "#   tuned-adm profile $(tuned-adm active | sed -n 's/^Current active profile: //p') " + profile + "\n")
                .append(plan.noteComments())
                .append("[main]\nsummary=offloadctl persistence ").append(plan.name()).append(": NIC offloads and driver settings\n");
        List<PersistPlan.Item> items = plan.items();
        for (int i = 0; i < items.size(); i++) {
            PersistPlan.Item item = items.get(i);
            List<String> unknown = new ArrayList<>();
            List<String> features = new ArrayList<>();
            for (Setting setting : LegacyCompaction.compact(item.features())) {
                if (LegacyFlags.printedInGroup(setting.name())) {
                    unknown.add(setting.name());
                } else {
                    features.add(setting.toString());
                }
            }
            item.limits().keySet().forEach(limit -> unknown.add(limit.name()));
            Map<RingParameter, Long> rings = new EnumMap<>(RingParameter.class);
            item.rings().forEach((parameter, value) -> {
                if (parameter.inIoctlStruct()) {
                    rings.put(parameter, value);
                } else {
                    unknown.add("rings." + parameter);
                }
            });
            Map<CoalesceParameter, Long> coalesce = new EnumMap<>(CoalesceParameter.class);
            item.coalesce().forEach((parameter, value) -> {
                if (!parameter.inIoctlStruct()) {
                    unknown.add("coalesce." + parameter);
                } else {
                    coalesce.put(parameter, value);
                }
            });

            out.append('\n');
            if (!unknown.isEmpty()) {
                out.append("# TuneD cannot set: ").append(String.join(" ", unknown)).append('\n');
            }
            out.append("[net_offloadctl_").append(i + 1).append("]\ntype=net\ndevices=").append(item.target().interfaceGlob()).append('\n');
            if (!item.target().drivers().isEmpty()) {
                out.append("devices_udev_regex=^ID_NET_DRIVER=(").append(String.join("|", item.target().drivers())).append(")$\n");
            }
            if (!features.isEmpty()) {
                out.append("features=").append(String.join(" ", features)).append('\n');
            }
            if (!item.channels().isEmpty()) {
                out.append("channels=").append(item.channelArguments()).append('\n');
            }
            if (!rings.isEmpty()) {
                out.append("ring=").append(PersistPlan.Item.parameterArguments(rings)).append('\n');
            }
            if (!coalesce.isEmpty()) {
                out.append("coalesce=").append(PersistPlan.Item.parameterArguments(coalesce)).append('\n');
            }
            if (!item.pause().isEmpty()) {
                out.append("pause=").append(PersistPlan.Item.parameterArguments(item.pause())).append('\n');
            }
        }
        return out.toString();
    }
}
