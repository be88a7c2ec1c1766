package io.offloadctl.model.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.RingParameter;

/**
 * nmcli commands that store the settings in the NetworkManager connection active on each NIC
 * (ethtool.feature-*, ethtool.channels-* and link.* properties), then reapply it. NetworkManager knows most kernel features by
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

    /** NMSettingLink's properties (NetworkManager 1.44) by the size limit they set; the IPv4 twins have none. */
    private static final Map<LinkLimit, String> LIMIT_PROPERTIES = Map.of(LinkLimit.gso_max_size, "link.gso-max-size",
            LinkLimit.gso_max_segs, "link.gso-max-segments", LinkLimit.gro_max_size, "link.gro-max-size");

    /** The ring parameters NetworkManager has an ethtool.ring-* property for. */
    private static final Set<RingParameter> RING_PROPERTIES = Set.of(RingParameter.rx, RingParameter.rx_mini, RingParameter.rx_jumbo,
            RingParameter.tx);

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
            item.limits().forEach((limit, value) -> {
                if (LIMIT_PROPERTIES.containsKey(limit)) {
                    properties.add(LIMIT_PROPERTIES.get(limit) + " " + value);
                } else {
                    unknown.add(limit.name());
                }
            });
            // libnm's ring and coalescing options (NM_ETHTOOL_OPTNAME_RING_*, _COALESCE_*): ethtool.ring-rx, ...,
            // ethtool.coalesce-rx-usecs, ...; the CQE modes, rx-buf-len, cqe-size and tx-push have none.
            item.rings().forEach((parameter, value) -> {
                if (RING_PROPERTIES.contains(parameter)) {
                    properties.add("ethtool.ring-" + parameter.argument() + " " + value);
                } else {
                    unknown.add("rings." + parameter);
                }
            });
            item.coalesce().forEach((parameter, value) -> {
                if (parameter == CoalesceParameter.cqe_mode_rx || parameter == CoalesceParameter.cqe_mode_tx) {
                    unknown.add("coalesce." + parameter);
                } else {
                    // every coalescing option is a uint32 there, the adaptive ones 1 or 0 too
                    properties.add("ethtool.coalesce-" + parameter.argument() + " " + value);
                }
            });
            if (item.limits().keySet().stream().anyMatch(LIMIT_PROPERTIES::containsKey)) {
                out.append("# link.gso-max-size, link.gso-max-segments and link.gro-max-size need NetworkManager 1.44 or later\n");
            }
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
