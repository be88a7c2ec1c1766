package io.offloadctl.model.persist;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.offloadctl.model.settings.ChannelKind;

/**
 * What to persist: a name for the artifact, the node labels a fleet tool selects hosts by, per
 * target the kernel features and channel counts to set, and notes on what the artifact cannot express.
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

    /** Features (kernel names) and channel counts to set on the interfaces of one target. */
    public record Item(PersistTarget target, Map<String, Boolean> features, Map<ChannelKind, Integer> channels) {
        public Item {
            features = new TreeMap<>(features);
            Map<ChannelKind, Integer> counts = new EnumMap<>(ChannelKind.class);
            if (channels != null) {
                counts.putAll(channels);
            }
            channels = counts;
        }

        public Item(PersistTarget target, Map<String, Boolean> features) {
            this(target, features, Map.of());
        }

        /** The channel counts as ethtool -L takes them: "rx 2 tx 2". */
        public String channelArguments() {
            return String.join(" ", channels.entrySet().stream().map(e -> e.getKey().argument() + " " + e.getValue()).toList());
        }
    }
}
