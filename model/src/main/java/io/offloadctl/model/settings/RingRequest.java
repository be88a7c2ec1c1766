package io.offloadctl.model.settings;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Ring sizes to set, as a policy or {@code ethtool -G} names them (the settable {@link RingParameter}s,
 * declared in their order): left out (null) stays as it is.
 */
@Schema(description = "Ring (descriptor queue) sizes to set, as 'ethtool -G IFACE rx N tx N' sets them; parameters left out stay "
        + "as they are. Checked against each interface's maxima when it is compared: a size above the driver's maximum, or a "
        + "parameter its driver does not report, is unenforceable there. On many drivers a new ring size restarts the queues.")
public record RingRequest(
        @Schema(nullable = true, description = "Receive ring entries.", examples = "4096", minimum = "0", maximum = "4294967295") Long rx,
        @Schema(nullable = true, description = "Receive mini ring entries.", minimum = "0", maximum = "4294967295") Long rx_mini,
        @Schema(nullable = true, description = "Receive jumbo ring entries.", minimum = "0", maximum = "4294967295") Long rx_jumbo,
        @Schema(nullable = true, description = "Transmit ring entries.", examples = "4096", minimum = "0", maximum = "4294967295") Long tx,
        @Schema(nullable = true, description = "Receive buffer size in bytes.", minimum = "0", maximum = "4294967295") Long rx_buf_len,
        @Schema(nullable = true, description = "Completion queue event size in bytes.", minimum = "0", maximum = "4294967295") Long cqe_size,
        @Schema(nullable = true, description = "Transmit push (descriptors written straight to the device).") Boolean tx_push) {

    /** The sizes named, in {@link RingParameter} order; tx_push as 1 or 0. */
    public Map<RingParameter, Long> values() {
        return DriverParameterRequests.values(RingParameter.class, rx, rx_mini, rx_jumbo, tx, rx_buf_len, cqe_size, tx_push);
    }

    /** Whether none is named (not "isEmpty": that would be a JSON property). */
    public boolean namesNone() {
        return values().isEmpty();
    }
}
