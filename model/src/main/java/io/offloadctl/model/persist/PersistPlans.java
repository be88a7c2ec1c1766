package io.offloadctl.model.persist;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.PolicyMode;
import io.offloadctl.model.settings.SettingsRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plans built the same way wherever they are rendered: the API and offloadctl persist. */
public final class PersistPlans {

    /** Host label Harvester (Kubernetes) nodes carry. */
    public static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

    private PersistPlans() {
    }

    /**
     * A node's desired state: its concrete interfaces, enforced features, channels, limits, rings, coalescing and pause only (audit-mode policies
     * are not applied by agents, so they are not persisted either).
     */
    public static PersistPlan forDesired(String node, long revision, List<DesiredInterface> interfaces, int conflicts) {
        return forDesired(node, revision, interfaces, conflicts, Map.of());
    }

    /**
     * The same, without the settings the node's drivers cannot take ({@code unenforceable}: by
     * interface, each setting's reason, as the node's compliance says): a boot script would fail on
     * them every time. Each one left out is named in a note.
     */
    public static PersistPlan forDesired(String node, long revision, List<DesiredInterface> interfaces, int conflicts,
                                         Map<String, Map<String, String>> unenforceable) {
        List<PersistPlan.Item> items = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (DesiredInterface iface : interfaces) {
            Map<String, String> cannot = unenforceable.getOrDefault(iface.name(), Map.of());
            Map<String, Object> kept = new LinkedHashMap<>();
            iface.settings().forEach((setting, wanted) -> {
                if (wanted.mode() != PolicyMode.enforce) {
                    return;
                }
                if (cannot.containsKey(setting)) {
                    leftOut.add(iface.name() + " " + setting + " (" + cannot.get(setting) + ")");
                } else {
                    kept.put(setting, wanted.value());
                }
            });
            if (!kept.isEmpty()) {
                SettingsRequest settings = SettingsRequest.of(kept);
                items.add(new PersistPlan.Item(PersistTarget.named(iface.name()), settings.features().wanted(), settings.channels(),
                        settings.limits(), settings.rings(), settings.coalesce(), settings.pause()));
            }
        }
        if (items.isEmpty()) {
            throw new OffloadException(ErrorKind.NOT_FOUND, "node '" + node + "' has no enforced desired settings to persist");
        }
        List<String> notes = new ArrayList<>(List.of("desired-state revision " + revision + " of node " + node));
        if (conflicts > 0) {
            notes.add(conflicts + " conflicting setting(s) left out until the policies agree");
        }
        if (!leftOut.isEmpty()) {
            notes.add("left out, the node's drivers cannot take them: " + String.join(", ", leftOut));
        }
        return new PersistPlan(node.replace('.', '-'), Map.of(HOSTNAME_LABEL, node), items, notes);
    }

    /**
     * The commands of a format with a tool: offloadctl by default, ethtool for Harvester (which ships it).
     *
     * @param toolName offloadctl, ethtool, or null for the format's default
     * @param path     where the tool is on the hosts, or null for its usual place
     */
    public static PersistCommands commands(PersistFormat format, String toolName, String path) {
        String tool = toolName != null ? toolName : format == PersistFormat.HARVESTER_CLOUDINIT ? "ethtool" : "offloadctl";
        return switch (tool) {
            case "ethtool" -> PersistCommands.ethtool(path != null ? path : PersistCommands.DEFAULT_ETHTOOL);
            case "offloadctl" -> PersistCommands.offloadctl(path != null ? path : PersistCommands.DEFAULT_OFFLOADCTL);
            default -> throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "tool must be offloadctl or ethtool, not '" + tool + "'");
        };
    }
}
