package io.offloadctl.model.persist;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.PolicyMode;
import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.policy.DesiredCount;
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.RingParameter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Plans built the same way wherever they are rendered: the API and offloadctl persist. */
public final class PersistPlans {

    /** Host label Harvester (Kubernetes) nodes carry. */
    public static final String HOSTNAME_LABEL = "kubernetes.io/hostname";

    private PersistPlans() {
    }

    /** The values enforce-mode policies decide, of one section. */
    private static <K extends Enum<K>> Map<K, Long> enforced(Map<K, DesiredCount> desired, Class<K> type) {
        Map<K, Long> values = new EnumMap<>(type);
        desired.forEach((key, value) -> {
            if (value.mode() == PolicyMode.enforce) {
                values.put(key, value.value());
            }
        });
        return values;
    }

    /**
     * A node's desired state: its concrete interfaces, enforced features, channels, limits, rings, coalescing and pause only (audit-mode policies
     * are not applied by agents, so they are not persisted either).
     */
    public static PersistPlan forDesired(String node, long revision, List<DesiredInterface> interfaces, int conflicts) {
        List<PersistPlan.Item> items = new ArrayList<>();
        for (DesiredInterface iface : interfaces) {
            Map<String, Boolean> enforced = new TreeMap<>();
            iface.features().forEach((feature, value) -> {
                if (value.mode() == PolicyMode.enforce) {
                    enforced.put(feature, value.value());
                }
            });
            Map<ChannelKind, Integer> channels = new EnumMap<>(ChannelKind.class);
            iface.channels().forEach((kind, value) -> {
                if (value.mode() == PolicyMode.enforce) {
                    channels.put(kind, Math.toIntExact(value.value()));
                }
            });
            Map<LinkLimit, Long> limits = enforced(iface.limits(), LinkLimit.class);
            Map<RingParameter, Long> rings = enforced(iface.rings(), RingParameter.class);
            Map<CoalesceParameter, Long> coalesce = enforced(iface.coalesce(), CoalesceParameter.class);
            Map<PauseParameter, Long> pause = enforced(iface.pause(), PauseParameter.class);
            if (!enforced.isEmpty() || !channels.isEmpty() || !limits.isEmpty() || !rings.isEmpty() || !coalesce.isEmpty()
                    || !pause.isEmpty()) {
                items.add(new PersistPlan.Item(PersistTarget.named(iface.name()), enforced, channels, limits, rings, coalesce, pause));
            }
        }
        if (items.isEmpty()) {
            throw new OffloadException(ErrorKind.NOT_FOUND, "node '" + node + "' has no enforced desired settings to persist");
        }
        List<String> notes = new ArrayList<>(List.of("desired-state revision " + revision + " of node " + node));
        if (conflicts > 0) {
            notes.add(conflicts + " conflicting setting(s) left out until the policies agree");
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
