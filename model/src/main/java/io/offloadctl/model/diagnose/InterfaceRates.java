package io.offloadctl.model.diagnose;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One interface's counter rates over a sampling interval, per second. */
@Schema(description = "Counter rates of one interface over a sampling interval, per second.")
public record InterfaceRates(
        @Schema(description = "Packets received per second.") double rxPackets,
        @Schema(description = "Bytes received per second.") double rxBytes,
        @Schema(description = "Packets sent per second.") double txPackets,
        @Schema(description = "Bytes sent per second.") double txBytes,
        @Schema(description = "Received packets dropped per second.") double rxDropped,
        @Schema(description = "Receive errors per second.") double rxErrors,
        @Schema(description = "Per second, each driver statistic the rules read (by the name they give it) that the interface "
                + "reported at both ends of the interval without going backwards.") Map<String, Double> driverStatistics) {

    public InterfaceRates {
        driverStatistics = driverStatistics == null ? Map.of() : new TreeMap<>(driverStatistics);
    }

    /** Rates without driver statistics. */
    public InterfaceRates(double rxPackets, double rxBytes, double txPackets, double txBytes, double rxDropped, double rxErrors) {
        this(rxPackets, rxBytes, txPackets, txBytes, rxDropped, rxErrors, null);
    }

    /** Average size of a received packet in bytes; 0 when nothing arrived. */
    public double rxAveragePacketBytes() {
        return rxPackets == 0 ? 0 : rxBytes / rxPackets;
    }

    /** Drops and errors as a share of everything that arrived or was refused. */
    public double rxDropRatio() {
        double refused = rxDropped + rxErrors;
        double all = rxPackets + refused;
        return all == 0 ? 0 : refused / all;
    }

    /** Bits per second sent. */
    public double txBitsPerSecond() {
        return txBytes * 8;
    }
}
