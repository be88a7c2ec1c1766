package io.offloadctl.model.persist;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.EnumMaps;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.model.settings.DriverParameter;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.RingParameter;

/**
 * What to persist: a name for the artifact, the node labels a fleet tool selects hosts by, per
 * target the kernel features, channel counts and size limits to set, and notes on what the artifact cannot express.
 */
public record PersistPlan(String name, Map<String, String> nodeLabels, List<Item> items, List<String> notes) {

    public PersistPlan {
        nodeLabels = nodeLabels == null ? Map.of() : new TreeMap<>(nodeLabels);
        items = List.copyOf(items);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public PersistPlan(String name, Map<String, String> nodeLabels, List<Item> items) {
        this(name, nodeLabels, items, List.of());
    }

    /** The notes as comment lines, for every format (all of them take # comments). */
    public String noteComments() {
        StringBuilder out = new StringBuilder();
        notes.forEach(note -> out.append("# note: ").append(note).append('\n'));
        return out.toString();
    }

    /** Features (kernel names), channel counts, size limits, rings, coalescing and pause to set on the interfaces of one target. */
    public record Item(PersistTarget target, Map<String, Boolean> features, Map<ChannelKind, Integer> channels,
                       Map<LinkLimit, Long> limits, Map<RingParameter, Long> rings, Map<CoalesceParameter, Long> coalesce,
                       Map<PauseParameter, Long> pause) {
        public Item {
            features = new TreeMap<>(features);
            channels = EnumMaps.copy(channels, ChannelKind.class);
            limits = EnumMaps.copy(limits, LinkLimit.class);
            rings = EnumMaps.copy(rings, RingParameter.class);
            coalesce = EnumMaps.copy(coalesce, CoalesceParameter.class);
            pause = EnumMaps.copy(pause, PauseParameter.class);
        }

        public Item(PersistTarget target, Map<String, Boolean> features, Map<ChannelKind, Integer> channels,
                    Map<LinkLimit, Long> limits, Map<RingParameter, Long> rings, Map<CoalesceParameter, Long> coalesce) {
            this(target, features, channels, limits, rings, coalesce, Map.of());
        }

        public Item(PersistTarget target, Map<String, Boolean> features, Map<ChannelKind, Integer> channels,
                    Map<LinkLimit, Long> limits) {
            this(target, features, channels, limits, Map.of(), Map.of(), Map.of());
        }

        public Item(PersistTarget target, Map<String, Boolean> features, Map<ChannelKind, Integer> channels) {
            this(target, features, channels, Map.of());
        }

        public Item(PersistTarget target, Map<String, Boolean> features) {
            this(target, features, Map.of());
        }

        /** The size limits as ip link and offloadctl limits take them: "gso_max_size 65536 gro_max_size 65536". */
        public String limitArguments() {
            return String.join(" ", limits.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        }

        /** Ring, coalescing or pause parameters as ethtool -G/-C/-A and offloadctl rings/coalesce/pause take them: "rx 4096 tx-push off". */
        public static String parameterArguments(Map<? extends DriverParameter, Long> values) {
            return String.join(" ", values.entrySet().stream().map(e -> e.getKey().argument() + " "
                    + (e.getKey().onOff() ? (e.getValue() != 0 ? "on" : "off") : Long.toString(e.getValue()))).toList());
        }

        /** The channel counts as ethtool -L takes them: "rx 2 tx 2". */
        public String channelArguments() {
            return String.join(" ", channels.entrySet().stream().map(e -> e.getKey().argument() + " " + e.getValue()).toList());
        }
    }
}
