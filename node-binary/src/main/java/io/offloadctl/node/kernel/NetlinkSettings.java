package io.offloadctl.node.kernel;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToIntFunction;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.InterfaceNames;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.DriverParameter;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.model.settings.RingParameter;
import io.offloadctl.node.ffi.Errno;
import io.offloadctl.node.ffi.EthtoolNetlink;
import io.offloadctl.node.ffi.NativeCallException;

/**
 * Reads and changes the settings the ethtool netlink family carries per kind (rings, coalescing, pause):
 * one GET request for every parameter the driver supports (what it leaves out, it does not), one
 * acknowledged SET for a change, checked first against what was read (an unsupported or read-only
 * parameter, a ring above its maximum), then read again.
 *
 * @param <P> the parameters of this kind, in the order ethtool prints them
 */
public final class NetlinkSettings<P extends Enum<P> & DriverParameter> {

    private final KernelSession session;
    private final Class<P> type;
    private final int getCommand;
    private final int setCommand;
    private final ToIntFunction<P> attribute;
    /** What the kind is called in messages: "ring", "coalescing", "pause". */
    private final String what;

    private NetlinkSettings(KernelSession session, Class<P> type, int getCommand, int setCommand, ToIntFunction<P> attribute) {
        this.session = session;
        this.type = type;
        this.getCommand = getCommand;
        this.setCommand = setCommand;
        this.attribute = attribute;
        this.what = type.getEnumConstants()[0].kind();
    }

    /** Rings: ETHTOOL_MSG_RINGS_GET/SET, attributes ETHTOOL_A_RINGS_*. */
    public static NetlinkSettings<RingParameter> rings(KernelSession session) {
        return new NetlinkSettings<>(session, RingParameter.class, EthtoolNetlink.RINGS_GET, EthtoolNetlink.RINGS_SET,
                NetlinkSettings::ringAttribute);
    }

    /** Coalescing: ETHTOOL_MSG_COALESCE_GET/SET; the parameters are declared in the attribute order, from ETHTOOL_A_COALESCE_RX_USECS (2). */
    public static NetlinkSettings<CoalesceParameter> coalesce(KernelSession session) {
        return new NetlinkSettings<>(session, CoalesceParameter.class, EthtoolNetlink.COALESCE_GET, EthtoolNetlink.COALESCE_SET,
                p -> p.ordinal() + 2);
    }

    /** Pause: ETHTOOL_MSG_PAUSE_GET/SET; autoneg, rx, tx are ETHTOOL_A_PAUSE_AUTONEG (2), _RX (3), _TX (4). */
    public static NetlinkSettings<PauseParameter> pause(KernelSession session) {
        return new NetlinkSettings<>(session, PauseParameter.class, EthtoolNetlink.PAUSE_GET, EthtoolNetlink.PAUSE_SET,
                p -> p.ordinal() + 2);
    }

    private static int ringAttribute(RingParameter parameter) {
        return switch (parameter) {
            case rx_max -> 2;
            case rx_mini_max -> 3;
            case rx_jumbo_max -> 4;
            case tx_max -> 5;
            case rx -> 6;
            case rx_mini -> 7;
            case rx_jumbo -> 8;
            case tx -> 9;
            case rx_buf_len -> 10;
            case tcp_data_split -> 11;
            case cqe_size -> 12;
            case tx_push -> 13;
        };
    }

    /** The parameters the driver reports, in declaration order; on/off ones as 0 or 1. */
    public Map<P, Long> read(String interfaceName) {
        InterfaceNames.validate(interfaceName);
        Map<Integer, Long> attributes = call(interfaceName, () -> session.ethtoolNetlink().get(getCommand, interfaceName));
        Map<P, Long> values = new EnumMap<>(type);
        for (P parameter : type.getEnumConstants()) {
            Long value = attributes.get(attribute.applyAsInt(parameter));
            if (value != null) {
                values.put(parameter, value);
            }
        }
        return values;
    }

    /** The parameters the driver reports; none when it has no settings of this kind. */
    public Map<P, Long> readIfSupported(String interfaceName) {
        try {
            return read(interfaceName);
        } catch (OffloadException e) {
            if (e.kind() == ErrorKind.NOT_SUPPORTED) {
                return Map.of();
            }
            throw e;
        }
    }

    /**
     * One acknowledged SET of {@code wanted}, checked by the caller against what it read (a change
     * read its checkpoint already: no second read before); returns them all as read afterwards.
     */
    public Map<P, Long> set(String interfaceName, Map<P, Long> wanted) {
        Map<Integer, EthtoolNetlink.Value> attributes = new java.util.LinkedHashMap<>();
        // on/off attributes are u8, the others u32 (the u8 TCP data split mode is not settable)
        wanted.forEach((parameter, value) -> attributes.put(attribute.applyAsInt(parameter),
                parameter.onOff() ? EthtoolNetlink.Value.u8(value) : EthtoolNetlink.Value.u32(value)));
        call(interfaceName, () -> {
            session.ethtoolNetlink().set(setCommand, interfaceName, attributes);
            return null;
        });
        return read(interfaceName);
    }

    private <T> T call(String interfaceName, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (NativeCallException e) {
            String kernel = e.kernelMessage() == null ? "" : " (the kernel says: " + e.kernelMessage() + ")";
            throw switch (e.errno()) {
                // with a message the kernel names the one parameter it cannot change ("setting tx push not supported")
                case Errno.EOPNOTSUPP -> new OffloadException(ErrorKind.NOT_SUPPORTED, e.kernelMessage() == null
                        ? "'" + interfaceName + "' has no " + what + " settings: its driver does not support them"
                        : "the driver of '" + interfaceName + "' refused: " + e.kernelMessage(), e);
                case Errno.EINVAL, Errno.ERANGE -> new OffloadException(ErrorKind.INVALID_ARGUMENT,
                        "the driver of '" + interfaceName + "' refused these " + what + " settings" + kernel, e);
                case Errno.EPERM, Errno.EACCES -> new OffloadException(ErrorKind.PERMISSION,
                        "changing the " + what + " settings of '" + interfaceName + "' needs root or CAP_NET_ADMIN", e);
                default -> KernelErrors.explain(e, session.namespace(), interfaceName);
            };
        }
    }
}
