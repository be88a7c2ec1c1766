package io.offloadctl.model.persist;

import java.util.List;


/**
 * nmcli commands that store the settings in the NetworkManager connection active on each NIC
 * (ethtool.feature-*, ethtool.channels-* and link.* properties), then reapply it. NetworkManager knows most kernel features by
 * their kernel name and a few by ethtool's short name; newer ones it does not know are named in a
 * comment.
 */
final class NetworkManagerRenderer implements PersistRenderer {

    @Override
    public String render(PersistPlan plan) {
        StringBuilder out = new StringBuilder("""
                #!/bin/sh
                # offloadctl persistence "%s" for NetworkManager: stored in the connection active on each NIC.
                set -u
                """.formatted(plan.name())).append(plan.noteComments());
        for (PersistPlan.Item item : plan.items()) {
            NetworkManagerSettings.Mapped mapped = NetworkManagerSettings.of(item);
            out.append(mapped.comments());
            List<String> properties = mapped.properties().stream().map(NetworkManagerSettings.Property::nmcli).toList();
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
