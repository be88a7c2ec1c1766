package io.offloadctl.model.settings;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/**
 * An interface's channels as ETHTOOL_GCHANNELS reports them: the maxima its driver allows and the
 * counts in use. A maximum of 0 means the driver has no channels of that kind ({@code ethtool -l}
 * prints "n/a" for both rows then).
 */
@Schema(description = "An interface's channels (queues) as ETHTOOL_GCHANNELS reports them, what ethtool -l prints.")
public record Channels(
        @Schema(description = "The most of each kind the driver allows; 0: the driver has none of that kind.", required = true) ChannelCounts maximum,
        @Schema(description = "The counts in use.", required = true) ChannelCounts current) {

    public boolean has(ChannelKind kind) {
        return maximum.of(kind) > 0;
    }

    /**
     * Why the driver cannot take {@code count} channels of {@code kind}: none of that kind, or more than
     * its maximum (the kernel checks the maxima itself since Linux 4.6 and answers EINVAL); empty when
     * it is within them.
     */
    public Optional<String> refusal(String interfaceName, ChannelKind kind, int count) {
        if (count < 0) {
            return Optional.of(kind.argument() + " " + count + ": a channel count cannot be negative");
        }
        if (count <= maximum.of(kind)) {
            return Optional.empty();
        }
        return Optional.of(has(kind)
                ? String.format("%s %d exceeds the maximum of '%s', %d", kind.argument(), count, interfaceName, maximum.of(kind))
                : String.format("'%s' has no %s channels (its driver reports a maximum of 0)", interfaceName, kind.argument()));
    }

    /**
     * The counts after {@code wanted} (as {@code ethtool -L} takes them: kinds not named stay as
     * they are), refused before the kernel is asked when a kind is one the driver does not have
     * or a count is above its maximum.
     */
    public ChannelCounts request(String interfaceName, Map<ChannelKind, Integer> wanted) {
        ChannelCounts counts = current;
        for (Map.Entry<ChannelKind, Integer> entry : wanted.entrySet()) {
            refusal(interfaceName, entry.getKey(), entry.getValue()).ifPresent(why -> {
                throw new OffloadException(ErrorKind.INVALID_ARGUMENT, why);
            });
            counts = counts.with(entry.getKey(), entry.getValue());
        }
        return counts;
    }
}
