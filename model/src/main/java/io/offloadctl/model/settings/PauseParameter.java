package io.offloadctl.model.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The pause (802.3x flow control) parameters of an interface, as ETHTOOL_MSG_PAUSE_GET reports them
 * and {@code ethtool -a} prints them, in the kernel's attribute order from ETHTOOL_A_PAUSE_AUTONEG
 * (2); each on/off, by the names {@code ethtool -A} takes. struct ethtool_pauseparam
 * (ETHTOOL_GPAUSEPARAM/SPAUSEPARAM) carries the same three.
 */
public enum PauseParameter implements DriverParameter {
    /** Whether pause is negotiated with the link partner (then rx and tx are what is advertised). */
    autoneg,
    /** Whether received pause frames stop transmission. */
    rx,
    /** Whether pause frames are sent when receive buffers fill. */
    tx;

    @Override
    public String section() {
        return "pause";
    }

    @Override
    public String kind() {
        return "pause";
    }

    @Override
    public boolean onOff() {
        return true;
    }

    @Override
    public boolean settable() {
        return true;
    }

    @Override
    public String argument() {
        return name();
    }

    public static Optional<PauseParameter> named(String argument) {
        return Arrays.stream(values()).filter(p -> p.argument().equals(argument)).findFirst();
    }

    /** The arguments {@code ethtool -A} takes. */
    public static List<String> arguments() {
        return Arrays.stream(values()).map(PauseParameter::argument).toList();
    }
}
