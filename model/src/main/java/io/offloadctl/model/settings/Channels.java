package io.offloadctl.model.settings;

import java.util.Map;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/**
 * An interface's channels as ETHTOOL_GCHANNELS reports them: the maxima its driver allows and the
 * counts in use. A maximum of 0 means the driver has no channels of that kind ({@code ethtool -l}
 * prints "n/a" for both rows then).
 */
public record Channels(String interfaceName, ChannelCounts maximum, ChannelCounts current) {

    public boolean has(ChannelKind kind) {
        return maximum.of(kind) > 0;
    }

    /**
     * The counts after {@code wanted} (as {@code ethtool -L} takes them: kinds not named stay as
     * they are), refused before the kernel is asked when a kind is one the driver does not have
     * or a count is above its maximum (the kernel's EINVAL, "requested channel count exceeds
     * maximum", said with the numbers).
     */
    public ChannelCounts request(Map<ChannelKind, Integer> wanted) {
        ChannelCounts counts = current;
        for (Map.Entry<ChannelKind, Integer> entry : wanted.entrySet()) {
            ChannelKind kind = entry.getKey();
            int count = entry.getValue();
            if (count < 0) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, kind.argument() + " " + count + ": a channel count cannot be negative");
            }
            if (count > maximum.of(kind)) {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, has(kind)
                        ? String.format("%s %d exceeds the maximum of '%s', %d", kind.argument(), count, interfaceName, maximum.of(kind))
                        : String.format("'%s' has no %s channels (its driver reports a maximum of 0)", interfaceName, kind.argument()));
            }
            counts = counts.with(kind, count);
        }
        return counts;
    }
}
