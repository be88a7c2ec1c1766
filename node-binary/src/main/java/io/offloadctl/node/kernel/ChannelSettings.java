package io.offloadctl.node.kernel;

import java.util.Map;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.InterfaceNames;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.settings.ChannelCounts;
import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.Channels;
import io.offloadctl.node.ffi.Errno;
import io.offloadctl.node.ffi.NativeCallException;

/** Reads and changes an interface's channels: ETHTOOL_GCHANNELS, ETHTOOL_SCHANNELS. */
public final class ChannelSettings {

    private final KernelSession session;

    public ChannelSettings(KernelSession session) {
        this.session = session;
    }

    /** The channels of the interface with this (own) name. */
    public Channels read(String interfaceName) {
        InterfaceNames.validate(interfaceName);
        ChannelCounts[] counts = call(interfaceName, () -> session.ethtool().channels(interfaceName));
        return new Channels(counts[0], counts[1]);
    }

    /** The channels, or null when the driver has none to report (EOPNOTSUPP): what a node report carries. */
    public Channels readIfSupported(String interfaceName) {
        try {
            return read(interfaceName);
        } catch (OffloadException e) {
            if (e.kind() == ErrorKind.NOT_SUPPORTED) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Sets the counts named in {@code wanted} (the others stay), as {@code ethtool -L} does: checked
     * against the driver's maxima first, one ETHTOOL_SCHANNELS, then read again. Returns the
     * channels after.
     */
    public Channels apply(String interfaceName, Map<ChannelKind, Integer> wanted) {
        Channels before = read(interfaceName);
        set(interfaceName, before, before.request(interfaceName, wanted));
        return read(interfaceName);
    }

    /** Puts the counts in use back to {@code checkpoint}'s (read before a change), when they differ now. */
    public void restore(String interfaceName, Channels checkpoint) {
        set(interfaceName, read(interfaceName), checkpoint.current());
    }

    private void set(String interfaceName, Channels now, ChannelCounts counts) {
        if (!counts.equals(now.current())) {
            call(interfaceName, () -> {
                session.ethtool().setChannels(interfaceName, counts);
                return null;
            });
        }
    }

    private <T> T call(String interfaceName, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (NativeCallException e) {
            throw switch (e.errno()) {
                case Errno.EOPNOTSUPP -> new OffloadException(ErrorKind.NOT_SUPPORTED,
                        "'" + interfaceName + "' has no channel settings: its driver does not support them (" + e.getMessage() + ")", e);
                case Errno.EINVAL -> new OffloadException(ErrorKind.INVALID_ARGUMENT,
                        "the driver of '" + interfaceName + "' refused these channel counts (" + e.getMessage() + ")", e);
                case Errno.EPERM, Errno.EACCES -> new OffloadException(ErrorKind.PERMISSION,
                        "changing the channels of '" + interfaceName + "' needs root or CAP_NET_ADMIN (" + e.getMessage() + ")", e);
                default -> KernelErrors.explain(e, session.namespace(), interfaceName);
            };
        }
    }
}
