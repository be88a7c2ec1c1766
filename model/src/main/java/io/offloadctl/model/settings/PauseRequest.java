package io.offloadctl.model.settings;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Pause (flow control) to set, as a policy or {@code ethtool -A} names it (every
 * {@link PauseParameter}, in its order): left out (null) stays as it is.
 */
@Schema(description = "Pause (802.3x flow control) to set, as 'ethtool -A IFACE autoneg off rx off tx off' sets it; parameters "
        + "left out stay as they are. A driver without pause settings (virtual devices have none) cannot take them: they are "
        + "unenforceable there.")
public record PauseRequest(
        @Schema(nullable = true, description = "Negotiate pause with the link partner (rx and tx are then what is advertised).")
        Boolean autoneg,
        @Schema(nullable = true, description = "Honour received pause frames (stop sending while the partner asks).") Boolean rx,
        @Schema(nullable = true, description = "Send pause frames when the receive buffers fill.") Boolean tx) {

    /** The values named, in {@link PauseParameter} order, as 1 or 0. */
    public Map<PauseParameter, Long> values() {
        return DriverParameterRequests.values(PauseParameter.class, autoneg, rx, tx);
    }

    /** Whether none is named (not "isEmpty": that would be a JSON property). */
    public boolean namesNone() {
        return values().isEmpty();
    }
}
