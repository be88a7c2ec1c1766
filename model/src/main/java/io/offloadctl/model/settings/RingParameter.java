package io.offloadctl.model.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ring (descriptor queue) parameters of an interface, as ETHTOOL_MSG_RINGS_GET reports them and
 * {@code ethtool -g} prints them, in that order; the names are {@code ethtool -G}'s arguments with
 * '_' for '-'. The _max ones are the driver's maxima: read only, each bounding its ring.
 */
public enum RingParameter implements DriverParameter {
    rx_max(Type.COUNT, null),
    rx_mini_max(Type.COUNT, null),
    rx_jumbo_max(Type.COUNT, null),
    tx_max(Type.COUNT, null),
    rx(Type.COUNT, "rx_max"),
    rx_mini(Type.COUNT, "rx_mini_max"),
    rx_jumbo(Type.COUNT, "rx_jumbo_max"),
    tx(Type.COUNT, "tx_max"),
    rx_buf_len(Type.COUNT, null),
    cqe_size(Type.COUNT, null),
    tx_push(Type.SWITCH, null),
    tcp_data_split(Type.SPLIT, null);

    /** A count (u32), on/off (u8), or the TCP data split mode (u8: 0 unknown, 1 off, 2 on). */
    public enum Type { COUNT, SWITCH, SPLIT }

    private final Type type;
    private final String boundBy;

    RingParameter(Type type, String boundBy) {
        this.type = type;
        this.boundBy = boundBy;
    }

    public Type type() {
        return type;
    }

    /** The maximum this ring size may not exceed. */
    @Override
    public Optional<RingParameter> boundBy() {
        return Optional.ofNullable(boundBy).map(RingParameter::valueOf);
    }

    @Override
    public String section() {
        return "rings";
    }

    @Override
    public String kind() {
        return "ring";
    }

    /** tx_push (and the TCP data split mode, which is not settable). */
    @Override
    public boolean onOff() {
        return type == Type.SWITCH;
    }

    @Override
    public long maximum() {
        return type == Type.SPLIT ? 2 : DriverParameter.super.maximum();
    }

    /**
     * Whether struct ethtool_ringparam (ETHTOOL_GRINGPARAM/SRINGPARAM, the ioctl interface) carries
     * it: rx, rx-mini, rx-jumbo, tx and their maxima; the buffer length, CQE size, TX push and TCP
     * data split are netlink-only. Tools written against that struct's parameters (NetworkManager,
     * TuneD, nmstate) know exactly these.
     */
    public boolean inIoctlStruct() {
        return switch (this) {
            case rx_max, rx_mini_max, rx_jumbo_max, tx_max, rx, rx_mini, rx_jumbo, tx -> true;
            case rx_buf_len, cqe_size, tx_push, tcp_data_split -> false;
        };
    }

    /** Whether {@code ethtool -G} sets it: every one but the maxima and the TCP data split mode (ethtool 6.1 sets none). */
    @Override
    public boolean settable() {
        return !name().endsWith("_max") && type != Type.SPLIT;
    }

    /** As ethtool -G names it: {@code rx-mini}. */
    @Override
    public String argument() {
        return name().replace('_', '-');
    }

    public static Optional<RingParameter> named(String argument) {
        return Arrays.stream(values()).filter(p -> p.argument().equals(argument)).findFirst();
    }

    /** The arguments {@code ethtool -G} takes, for messages and suggestions. */
    public static List<String> settableArguments() {
        return Arrays.stream(values()).filter(RingParameter::settable).map(RingParameter::argument).toList();
    }
}
