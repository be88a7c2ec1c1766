package io.offloadctl.model.persist;

import java.util.ArrayList;
import java.util.List;


/**
 * A kubernetes-nmstate {@code NodeNetworkConfigurationPolicy} (nmstate.io/v1): on the nodes its
 * nodeSelector (the plan's node labels) picks, nmstate sets each named interface's {@code ethtool}
 * section: features by kernel name, ring (rx, rx-jumbo, rx-mini, tx), coalesce (every parameter
 * but the CQE modes, adaptive ones as booleans) and pause (autoneg, rx, tx as booleans). nmstate names interfaces exactly (no glob, no
 * driver): a policy selecting by them renders per node. It has no channel or size-limit settings:
 * the comments say what is left out.
 */
final class NmstatePolicyRenderer implements PersistRenderer {


    @Override
    public String render(PersistPlan plan) {
        StringBuilder out = new StringBuilder("# offloadctl persistence \"" + plan.name() + "\" as a kubernetes-nmstate policy: kubectl apply -f FILE\n")
                .append(plan.noteComments());
        List<String> unknown = new ArrayList<>();
        StringBuilder interfaces = new StringBuilder();
        for (PersistPlan.Item item : plan.items()) {
            PersistTarget target = item.target();
            RenderSafety.requireNamed(target, PersistFormat.NMSTATE, "nmstate names interfaces exactly");
            item.channels().keySet().forEach(kind -> unknown.add(target.interfaceGlob() + " channels." + kind));
            item.limits().keySet().forEach(limit -> unknown.add(target.interfaceGlob() + " " + limit));
            // a name is quoted: a plain YAML scalar such as 0 or true would not be a string
            interfaces.append("    - name: \"").append(target.interfaceGlob()).append("\"\n      type: ethernet\n      state: up\n      ethtool:\n");
            if (!item.features().isEmpty()) {
                interfaces.append("        feature:\n");
                item.features().forEach((feature, on) -> interfaces.append("          ").append(feature).append(": ").append(on).append('\n'));
            }
            List<String> rings = new ArrayList<>();
            item.rings().forEach((parameter, value) -> {
                if (parameter.inIoctlStruct()) {
                    rings.add(parameter.argument() + ": " + value);
                } else {
                    unknown.add(target.interfaceGlob() + " rings." + parameter);
                }
            });
            if (!rings.isEmpty()) {
                interfaces.append("        ring:\n");
                rings.forEach(line -> interfaces.append("          ").append(line).append('\n'));
            }
            List<String> coalesce = new ArrayList<>();
            item.coalesce().forEach((parameter, value) -> {
                if (!parameter.inIoctlStruct()) {
                    unknown.add(target.interfaceGlob() + " coalesce." + parameter);
                } else {
                    coalesce.add(parameter.argument() + ": " + (parameter.onOff() ? Boolean.toString(value != 0) : Long.toString(value)));
                }
            });
            if (!coalesce.isEmpty()) {
                interfaces.append("        coalesce:\n");
                coalesce.forEach(line -> interfaces.append("          ").append(line).append('\n'));
            }
            if (!item.pause().isEmpty()) {
                interfaces.append("        pause:\n");
                item.pause().forEach((parameter, value) -> interfaces.append("          ").append(parameter.argument()).append(": ")
                        .append(value != 0).append('\n'));
            }
        }
        out.append("# an interface of another type (a bridge, a bond) takes its own type: instead of ethernet\n");
        if (!unknown.isEmpty()) {
            out.append("# nmstate cannot set: ").append(String.join(", ", unknown)).append('\n');
        }
        out.append("apiVersion: nmstate.io/v1\nkind: NodeNetworkConfigurationPolicy\nmetadata:\n  name: offloadctl-").append(plan.name())
                .append("\nspec:\n");
        if (!plan.nodeLabels().isEmpty()) {
            // label keys and values are Kubernetes label syntax (RenderSafety), quoted as YAML strings
            out.append("  nodeSelector:\n");
            plan.nodeLabels().forEach((key, value) -> out.append("    \"").append(key).append("\": \"").append(value).append("\"\n"));
        }
        return out.append("  desiredState:\n    interfaces:\n").append(interfaces).toString();
    }
}
