package io.offloadctl.node.output;

import io.offloadctl.model.settings.ChannelCounts;
import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.Channels;

/**
 * Renders channels exactly as {@code ethtool -l} (ethtool 6.1, netlink path) prints them: the
 * maxima, then the counts in use, one line per kind; "n/a" in both for a kind whose maximum is 0
 * (the kernel sends neither attribute then).
 */
public final class ChannelText {

    private ChannelText() {
    }

    public static String render(String interfaceName, Channels channels) {
        StringBuilder out = new StringBuilder("Channel parameters for ").append(interfaceName).append(":\n");
        out.append("Pre-set maximums:\n");
        rows(out, channels, channels.maximum());
        out.append("Current hardware settings:\n");
        rows(out, channels, channels.current());
        return out.toString();
    }

    private static void rows(StringBuilder out, Channels channels, ChannelCounts counts) {
        for (ChannelKind kind : ChannelKind.values()) {
            out.append(kind.label()).append(channels.has(kind) ? Integer.toString(counts.of(kind)) : "n/a").append('\n');
        }
    }
}
