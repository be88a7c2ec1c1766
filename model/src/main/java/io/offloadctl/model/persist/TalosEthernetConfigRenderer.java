package io.offloadctl.model.persist;

import java.util.ArrayList;
import java.util.List;


/**
 * Talos machine configuration documents: one {@code EthernetConfig} (v1alpha1; Talos 1.10, channels
 * 1.11) per interface, with its features by kernel name, rings and channels, as Talos applies them
 * through ethtool's netlink interface. A document names one link: a glob or a driver cannot be
 * said, so a policy that selects by them renders per node (a node's desired state names its
 * interfaces). Talos has no coalescing, pause or size-limit settings there: the comments say what is left out.
 */
final class TalosEthernetConfigRenderer implements PersistRenderer {

    @Override
    public String render(PersistPlan plan) {
        StringBuilder out = new StringBuilder("# offloadctl persistence \"" + plan.name() + "\" as Talos EthernetConfig documents\n"
                + "# (Talos 1.10 or later; channels 1.11): add them to the machine configuration, for example\n"
                + "#   talosctl patch machineconfig --nodes NODE --patch @offloadctl-" + plan.name() + ".yaml\n")
                .append(plan.noteComments());
        for (PersistPlan.Item item : plan.items()) {
            PersistTarget target = item.target();
            RenderSafety.requireNamed(target, PersistFormat.TALOS, "an EthernetConfig names one link");
            List<String> unknown = new ArrayList<>();
            item.limits().keySet().forEach(limit -> unknown.add(limit.name()));
            item.coalesce().keySet().forEach(parameter -> unknown.add("coalesce." + parameter));
            item.pause().keySet().forEach(parameter -> unknown.add("pause." + parameter));
            out.append("---\n");
            if (!unknown.isEmpty()) {
                out.append("# Talos EthernetConfig cannot set: ").append(String.join(" ", unknown)).append('\n');
            }
            // a name is quoted: a plain YAML scalar such as 0 or true would not be a string
            out.append("apiVersion: v1alpha1\nkind: EthernetConfig\nname: \"").append(target.interfaceGlob()).append("\"\n");
            if (!item.features().isEmpty()) {
                out.append("features:\n");
                item.features().forEach((feature, on) -> out.append("  ").append(feature).append(": ").append(on).append('\n'));
            }
            if (!item.rings().isEmpty()) {
                out.append("rings:\n");
                item.rings().forEach((parameter, value) -> out.append("  ").append(parameter.argument()).append(": ")
                        .append(parameter.onOff() ? Boolean.toString(value != 0) : Long.toString(value)).append('\n'));
            }
            if (!item.channels().isEmpty()) {
                out.append("channels:\n");
                item.channels().forEach((kind, count) -> out.append("  ").append(kind.argument()).append(": ").append(count).append('\n'));
            }
        }
        return out.toString();
    }
}
