package io.offloadctl.model.persist;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * NetworkManager keyfiles (/etc/NetworkManager/system-connections/*.nmconnection), the form
 * Fedora CoreOS and other image-based hosts take their network configuration in (as files written
 * by Ignition): one connection profile per target, its [ethtool] and [link] groups holding the
 * settings. A profile names one interface (connection.interface-name) or matches a glob and
 * drivers ([match], any number of devices at once: connection.multi-connect). NetworkManager runs
 * one profile per device: where a device has a profile of its own already (its addresses, a bridge
 * port's master), the [ethtool] and [link] lines belong in that one; the comments say so.
 */
final class NetworkManagerKeyfileRenderer implements PersistRenderer {

    static final String DIRECTORY = "/etc/NetworkManager/system-connections/";

    @Override
    public String render(PersistPlan plan) {
        StringBuilder out = new StringBuilder();
        List<PersistPlan.Item> items = plan.items();
        for (int i = 0; i < items.size(); i++) {
            PersistPlan.Item item = items.get(i);
            PersistTarget target = item.target();
            String id = "offloadctl-" + plan.name() + (items.size() > 1 ? "-" + (i + 1) : "");
            NetworkManagerSettings.Mapped mapped = NetworkManagerSettings.of(item);
            if (i > 0) {
                out.append('\n');
            }
            out.append("# ").append(DIRECTORY).append(id).append(".nmconnection (owner root, mode 0600: NetworkManager ignores it otherwise)\n")
                    .append("# offloadctl persistence \"").append(plan.name()).append("\" for ")
                    .append(target.isSingleInterface() ? "interface " + target.interfaceGlob() : "interfaces matching " + target.interfaceGlob()
                            + (target.drivers().isEmpty() ? "" : " with driver " + String.join(" or ", target.drivers())))
                    .append(".\n# NetworkManager activates one profile per device: a device with a profile of its own (its\n")
                    .append("# addresses, a bridge or bond port's master) takes the [ethtool] and [link] lines into that one instead.\n")
                    .append(plan.noteComments()).append(mapped.comments());
            out.append("[connection]\nid=").append(id).append("\nuuid=").append(uuid(plan.name(), i)).append("\ntype=ethernet\n");
            if (target.isSingleInterface()) {
                out.append("interface-name=").append(target.interfaceGlob()).append('\n');
            } else {
                // NM_CONNECTION_MULTI_CONNECT_MULTIPLE: a keyfile holds the enumeration's number, not its nick
                out.append("multi-connect=3\n");
                out.append("\n[match]\ninterface-name=").append(target.interfaceGlob()).append('\n');
                if (!target.drivers().isEmpty()) {
                    out.append("driver=").append(String.join(";", target.drivers())).append('\n');
                }
            }
            out.append("\n[ethernet]\n");
            Map<String, StringBuilder> groups = new TreeMap<>();
            mapped.properties().forEach(p -> groups.computeIfAbsent(p.setting(), k -> new StringBuilder())
                    .append(p.keyfileLine()).append('\n'));
            groups.forEach((group, lines) -> out.append('\n').append('[').append(group).append("]\n").append(lines));
        }
        return out.toString();
    }

    /** The same profile gets the same UUID every time it is rendered (a name-based UUID of the plan and item). */
    private static UUID uuid(String plan, int item) {
        return UUID.nameUUIDFromBytes(("offloadctl:" + plan + ":" + item).getBytes(StandardCharsets.UTF_8));
    }
}
