package io.offloadctl.model.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Channel counts to set, as a policy or {@code ethtool -L} names them: kinds left out (null) stay
 * as they are.
 */
@Schema(description = "Channel (queue) counts to set, as ethtool -L takes them; kinds left out stay as they are. "
        + "Checked against each interface's maxima when it is compared: a count above the driver's maximum is unenforceable there.")
public record ChannelRequest(
        @Schema(nullable = true, description = "Receive-only channels.", examples = "2", minimum = "0", maximum = "65535") Integer rx,
        @Schema(nullable = true, description = "Transmit-only channels.", examples = "2", minimum = "0", maximum = "65535") Integer tx,
        @Schema(nullable = true, description = "Other channels (link interrupts, SR-IOV coordination).", minimum = "0", maximum = "65535") Integer other,
        @Schema(nullable = true, description = "Combined (receive and transmit) channels.", examples = "8", minimum = "0", maximum = "65535") Integer combined) {

    /** The counts a policy may name: drivers count channels in u32, none has more than this many queues. */
    public static final int MAX_COUNT = 65535;

    public static ChannelRequest of(Map<ChannelKind, Integer> counts) {
        return new ChannelRequest(counts.get(ChannelKind.rx), counts.get(ChannelKind.tx), counts.get(ChannelKind.other),
                counts.get(ChannelKind.combined));
    }

    /** The counts named, in {@link ChannelKind} order. */
    public Map<ChannelKind, Integer> counts() {
        Map<ChannelKind, Integer> counts = new EnumMap<>(ChannelKind.class);
        for (ChannelKind kind : ChannelKind.values()) {
            Integer count = switch (kind) {
                case rx -> rx;
                case tx -> tx;
                case other -> other;
                case combined -> combined;
            };
            if (count != null) {
                counts.put(kind, count);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /** Whether no kind is named (not "isEmpty": that would be a JSON property). */
    public boolean namesNone() {
        return counts().isEmpty();
    }
}
