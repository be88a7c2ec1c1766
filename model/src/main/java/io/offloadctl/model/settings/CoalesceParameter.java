package io.offloadctl.model.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The interrupt coalescing parameters of an interface, as ETHTOOL_MSG_COALESCE_GET reports them,
 * by the names {@code ethtool -C} takes (with '_' for '-'), in the kernel's attribute order. A driver
 * reports only those it supports; the others cannot be set on it.
 */
public enum CoalesceParameter implements DriverParameter {
    rx_usecs(false),
    rx_frames(false),
    rx_usecs_irq(false),
    rx_frames_irq(false),
    tx_usecs(false),
    tx_frames(false),
    tx_usecs_irq(false),
    tx_frames_irq(false),
    stats_block_usecs(false),
    adaptive_rx(true),
    adaptive_tx(true),
    pkt_rate_low(false),
    rx_usecs_low(false),
    rx_frames_low(false),
    tx_usecs_low(false),
    tx_frames_low(false),
    pkt_rate_high(false),
    rx_usecs_high(false),
    rx_frames_high(false),
    tx_usecs_high(false),
    tx_frames_high(false),
    sample_interval(false),
    cqe_mode_tx(true),
    cqe_mode_rx(true);

    private final boolean onOff;

    CoalesceParameter(boolean onOff) {
        this.onOff = onOff;
    }

    /** Whether it is on/off (a u8) rather than a number (a u32). */
    @Override
    public boolean onOff() {
        return onOff;
    }

    @Override
    public String section() {
        return "coalesce";
    }

    @Override
    public String kind() {
        return "coalescing";
    }

    /**
     * Whether struct ethtool_coalesce (ETHTOOL_GCOALESCE/SCOALESCE, the ioctl interface) carries it:
     * every one but the CQE modes, which only the netlink interface has. Tools written against that
     * struct's parameters (NetworkManager, TuneD, nmstate) know exactly these.
     */
    public boolean inIoctlStruct() {
        return this != cqe_mode_rx && this != cqe_mode_tx;
    }

    /** Every one is settable where the driver reports it. */
    @Override
    public boolean settable() {
        return true;
    }

    /** As ethtool -C names it: {@code rx-usecs}. */
    @Override
    public String argument() {
        return name().replace('_', '-');
    }

    public static Optional<CoalesceParameter> named(String argument) {
        return Arrays.stream(values()).filter(p -> p.argument().equals(argument)).findFirst();
    }

    public static List<String> arguments() {
        return Arrays.stream(values()).map(CoalesceParameter::argument).toList();
    }
}
