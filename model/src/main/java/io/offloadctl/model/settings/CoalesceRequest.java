package io.offloadctl.model.settings;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Interrupt coalescing to set, as a policy or {@code ethtool -C} names it (every
 * {@link CoalesceParameter}, declared in its order): left out (null) stays as it is.
 */
@Schema(description = "Interrupt coalescing to set, as 'ethtool -C IFACE rx-usecs N' sets it; parameters left out stay as they "
        + "are. A driver takes only the parameters it reports: any other is unenforceable on it.")
public record CoalesceRequest(
        @Schema(nullable = true, description = "Microseconds to delay a receive interrupt after a packet.", examples = "50",
                minimum = "0", maximum = "4294967295") Long rx_usecs,
        @Schema(nullable = true, description = "Packets to wait for before a receive interrupt.", minimum = "0", maximum = "4294967295") Long rx_frames,
        @Schema(nullable = true, description = "rx_usecs while an interrupt is being serviced.", minimum = "0", maximum = "4294967295") Long rx_usecs_irq,
        @Schema(nullable = true, description = "rx_frames while an interrupt is being serviced.", minimum = "0", maximum = "4294967295") Long rx_frames_irq,
        @Schema(nullable = true, description = "Microseconds to delay a transmit-completion interrupt.", minimum = "0", maximum = "4294967295") Long tx_usecs,
        @Schema(nullable = true, description = "Packets sent before a transmit-completion interrupt.", minimum = "0", maximum = "4294967295") Long tx_frames,
        @Schema(nullable = true, description = "tx_usecs while an interrupt is being serviced.", minimum = "0", maximum = "4294967295") Long tx_usecs_irq,
        @Schema(nullable = true, description = "tx_frames while an interrupt is being serviced.", minimum = "0", maximum = "4294967295") Long tx_frames_irq,
        @Schema(nullable = true, description = "Microseconds between statistics block updates.", minimum = "0", maximum = "4294967295") Long stats_block_usecs,
        @Schema(nullable = true, description = "Adaptive receive coalescing (the driver tunes rx_usecs itself).") Boolean adaptive_rx,
        @Schema(nullable = true, description = "Adaptive transmit coalescing.") Boolean adaptive_tx,
        @Schema(nullable = true, description = "Packet rate (per second) below which the _low values apply.", minimum = "0", maximum = "4294967295") Long pkt_rate_low,
        @Schema(nullable = true, description = "rx_usecs below pkt_rate_low.", minimum = "0", maximum = "4294967295") Long rx_usecs_low,
        @Schema(nullable = true, description = "rx_frames below pkt_rate_low.", minimum = "0", maximum = "4294967295") Long rx_frames_low,
        @Schema(nullable = true, description = "tx_usecs below pkt_rate_low.", minimum = "0", maximum = "4294967295") Long tx_usecs_low,
        @Schema(nullable = true, description = "tx_frames below pkt_rate_low.", minimum = "0", maximum = "4294967295") Long tx_frames_low,
        @Schema(nullable = true, description = "Packet rate (per second) above which the _high values apply.", minimum = "0", maximum = "4294967295") Long pkt_rate_high,
        @Schema(nullable = true, description = "rx_usecs above pkt_rate_high.", minimum = "0", maximum = "4294967295") Long rx_usecs_high,
        @Schema(nullable = true, description = "rx_frames above pkt_rate_high.", minimum = "0", maximum = "4294967295") Long rx_frames_high,
        @Schema(nullable = true, description = "tx_usecs above pkt_rate_high.", minimum = "0", maximum = "4294967295") Long tx_usecs_high,
        @Schema(nullable = true, description = "tx_frames above pkt_rate_high.", minimum = "0", maximum = "4294967295") Long tx_frames_high,
        @Schema(nullable = true, description = "Seconds between packet-rate samples for adaptive coalescing.", minimum = "0", maximum = "4294967295") Long sample_interval,
        @Schema(nullable = true, description = "Transmit CQE mode: the timer restarts on each completion.") Boolean cqe_mode_tx,
        @Schema(nullable = true, description = "Receive CQE mode: the timer restarts on each completion.") Boolean cqe_mode_rx) {

    /** The values named, in {@link CoalesceParameter} order; on/off ones as 1 or 0. */
    public Map<CoalesceParameter, Long> values() {
        return DriverParameterRequests.values(CoalesceParameter.class, rx_usecs, rx_frames, rx_usecs_irq, rx_frames_irq, tx_usecs,
                tx_frames, tx_usecs_irq, tx_frames_irq, stats_block_usecs, adaptive_rx, adaptive_tx, pkt_rate_low, rx_usecs_low,
                rx_frames_low, tx_usecs_low, tx_frames_low, pkt_rate_high, rx_usecs_high, rx_frames_high, tx_usecs_high,
                tx_frames_high, sample_interval, cqe_mode_tx, cqe_mode_rx);
    }

    /** Whether none is named (not "isEmpty": that would be a JSON property). */
    public boolean namesNone() {
        return values().isEmpty();
    }
}
