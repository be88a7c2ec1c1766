package io.offloadctl.model.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * nmcli commands that store the settings in the NetworkManager connection active on each NIC
 * (ethtool.feature-* and ethtool.channels-* properties), then reapply it. NetworkManager knows most kernel features by
 * their kernel name and a few by ethtool's short name; newer ones it does not know are named in a
 * comment.
 */
final class NetworkManagerRenderer implements PersistRenderer {

    private static final Map<String, String> SHORT_NAMES = Map.of(
            "rx-gro", "gro", "tx-generic-segmentation", "gso", "rx-lro", "lro", "rx-hashing", "rxhash",
            "rx-ntuple-filter", "ntuple", "rx-vlan-hw-parse", "rxvlan", "tx-vlan-hw-insert", "txvlan", "rx-checksum", "rx");

    /** Kernel features without an ethtool.feature-* property in NetworkManager. */
    private static final Set<String> UNKNOWN = Set.of("tx-tcp-accecn-segmentation", "hsr-tag-ins-offload",
            "hsr-tag-rm-offload", "hsr-fwd-offload", "hsr-dup-offload", "vlan-challenged", "tx-lockless", "netns-local");

    @Override
    public String render(PersistPlan plan) {
        StringBuilder out = new StringBuilder("""
                #!/bin/sh
                # offloadctl persistence "%s" for NetworkManager: stored in the connection active on each NIC.
                set -u
                """.formatted(plan.name())).append(plan.noteComments());
        for (PersistPlan.Item item : plan.items()) {
            List<String> properties = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            item.features().forEach((feature, on) -> {
                if (UNKNOWN.contains(feature)) {
                    unknown.add(feature);
                } else {
                    properties.add("ethtool.feature-" + SHORT_NAMES.getOrDefault(feature, feature) + " " + (on ? "on" : "off"));
                }
            });
            // libnm's channel options (NM_ETHTOOL_OPTNAME_CHANNELS_*): channels-rx, -tx, -other, -combined.
            item.channels().forEach((kind, count) -> properties.add("ethtool.channels-" + kind.argument() + " " + count));
            if (!unknown.isEmpty()) {
                out.append("# NetworkManager has no property for: ").append(String.join(" ", unknown)).append('\n');
            }
            String apply = "conn=$(nmcli -g GENERAL.CONNECTION device show \"$dev\" 2>/dev/null || true)\n"
                    + "[ -n \"$conn\" ] && nmcli connection modify \"$conn\" " + String.join(" ", properties)
                    + " && nmcli device reapply \"$dev\"";
            if (item.target().isSingleInterface()) {
                out.append("dev=").append(RenderSafety.shellWord(item.target().interfaceGlob())).append('\n').append(apply).append('\n');
            } else {
                out.append("for path in /sys/class/net/").append(item.target().interfaceGlob()).append("; do\n")
                        .append("  [ -e \"$path\" ] || continue\n  dev=${path##*/}\n");
                if (!item.target().drivers().isEmpty()) {
                    out.append("  case \"$(basename \"$(readlink -f \"$path/device/driver\")\")\" in ")
                            .append(String.join("|", item.target().drivers())).append(") ;; *) continue ;; esac\n");
                }
                apply.lines().forEach(line -> out.append("  ").append(line).append('\n'));
                out.append("done\n");
            }
        }
        return out.toString();
    }
}
