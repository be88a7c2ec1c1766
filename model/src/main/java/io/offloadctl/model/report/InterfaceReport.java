package io.offloadctl.model.report;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.settings.Channels;
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.DriverParameter;
import io.offloadctl.model.settings.EnumMaps;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.model.settings.RingParameter;
import io.offloadctl.model.settings.LinkLimit;

/**
 * One interface of a node report: identity, placement, link, every feature, its channels, size
 * limits, rings, coalescing and pause, and the driver statistics the rules read.
 */
@Schema(description = "One interface of a node: what it is, where it is attached and the state of every feature.")
public record InterfaceReport(
        @Schema(description = "Interface name.", examples = "eth0", required = true) String name,
        @Schema(description = "What sort of device it is.", required = true) InterfaceKind kind,
        @Schema(nullable = true, description = "Driver name as ethtool -i prints it; null when the device reports none.", examples = "bnxt_en") String driver,
        @Schema(nullable = true, description = "Driver version.") String driverVersion,
        @Schema(nullable = true, description = "Firmware version.") String firmwareVersion,
        @Schema(nullable = true, description = "Bus address (PCI slot) of the device.", examples = "0000:3b:00.0") String busInfo,
        @Schema(description = "MTU in bytes.", examples = "1500") int mtu,
        @Schema(nullable = true, description = "Link speed in Mb/s; null when unknown.", examples = "100000") Integer speedMbps,
        @Schema(nullable = true, description = "The bridge or bond this interface is a port of; null when none.", examples = "br0") String master,
        @Schema(description = "Interface counters (rx_packets, rx_bytes, rx_dropped, ...), as /sys/class/net/IFACE/statistics has them.") Map<String, Long> counters,
        @Schema(description = "Every feature by kernel name (rx-gro, tx-tcp-segmentation, ...).", required = true) Map<String, FeatureReport> features,
        @Schema(nullable = true, description = "Channels (queues): the driver's maxima and the counts in use, as ethtool -l "
                + "prints them; null when the driver has no channel settings.") Channels channels,
        @Schema(description = "Segmentation and aggregation size limits (gso_max_size, tso_max_size, gro_max_size, ...) as "
                + "ip -d link prints them; empty when not read (agents before this field, kernels without them).")
        Map<LinkLimit, Long> limits,
        @Schema(description = "Ring parameters as ethtool -g reads them (the _max ones are the driver's maxima; tx_push 0 or 1; "
                + "tcp_data_split 0 unknown, 1 off, 2 on); only those the driver reports, empty when it has none.")
        Map<RingParameter, Long> rings,
        @Schema(description = "Interrupt coalescing as ethtool -c reads it (adaptive_rx, adaptive_tx, cqe_mode_rx, cqe_mode_tx "
                + "0 or 1); only the parameters the driver reports, empty when it has none.")
        Map<CoalesceParameter, Long> coalesce,
        @Schema(description = "Pause (flow control) as ethtool -a reads it (autoneg, rx, tx: 0 or 1); empty when the driver has "
                + "no pause settings (virtual devices have none).")
        Map<PauseParameter, Long> pause,
        @Schema(description = "The driver statistics (ethtool -S) the diagnostic rules read, by the names the rules give them: "
                + "each the total of the driver's counters that name matches ('*' matches any text, so rx*_lro_packets "
                + "sums every ring's); empty when the driver has none of them.")
        Map<String, Long> driverStatistics) {

    public InterfaceReport {
        counters = counters == null ? Map.of() : new TreeMap<>(counters);
        features = features == null ? Map.of() : new TreeMap<>(features);
        limits = EnumMaps.copy(limits, LinkLimit.class);
        rings = EnumMaps.copy(rings, RingParameter.class);
        coalesce = EnumMaps.copy(coalesce, CoalesceParameter.class);
        pause = EnumMaps.copy(pause, PauseParameter.class);
        driverStatistics = driverStatistics == null ? Map.of() : new TreeMap<>(driverStatistics);
    }

    /** An interface without pause read. */
    public InterfaceReport(String name, InterfaceKind kind, String driver, String driverVersion, String firmwareVersion,
                           String busInfo, int mtu, Integer speedMbps, String master, Map<String, Long> counters,
                           Map<String, FeatureReport> features, Channels channels, Map<LinkLimit, Long> limits,
                           Map<RingParameter, Long> rings, Map<CoalesceParameter, Long> coalesce, Map<String, Long> driverStatistics) {
        this(name, kind, driver, driverVersion, firmwareVersion, busInfo, mtu, speedMbps, master, counters, features, channels,
                limits, rings, coalesce, null, driverStatistics);
    }

    /** An interface without rings, coalescing, pause and driver statistics read. */
    public InterfaceReport(String name, InterfaceKind kind, String driver, String driverVersion, String firmwareVersion,
                           String busInfo, int mtu, Integer speedMbps, String master, Map<String, Long> counters,
                           Map<String, FeatureReport> features, Channels channels, Map<LinkLimit, Long> limits) {
        this(name, kind, driver, driverVersion, firmwareVersion, busInfo, mtu, speedMbps, master, counters, features, channels,
                limits, null, null, null, null);
    }

    /** An interface without size limits read. */
    public InterfaceReport(String name, InterfaceKind kind, String driver, String driverVersion, String firmwareVersion,
                           String busInfo, int mtu, Integer speedMbps, String master, Map<String, Long> counters,
                           Map<String, FeatureReport> features, Channels channels) {
        this(name, kind, driver, driverVersion, firmwareVersion, busInfo, mtu, speedMbps, master, counters, features, channels, null);
    }

    /** An interface without channel settings. */
    public InterfaceReport(String name, InterfaceKind kind, String driver, String driverVersion, String firmwareVersion,
                           String busInfo, int mtu, Integer speedMbps, String master, Map<String, Long> counters,
                           Map<String, FeatureReport> features) {
        this(name, kind, driver, driverVersion, firmwareVersion, busInfo, mtu, speedMbps, master, counters, features, null);
    }

    /** The same interface with other counters and driver statistics (what changes on its own). */
    public InterfaceReport withCounters(Map<String, Long> other, Map<String, Long> otherStatistics) {
        return new InterfaceReport(name, kind, driver, driverVersion, firmwareVersion, busInfo, mtu, speedMbps, master, other,
                features, channels, limits, rings, coalesce, pause, otherStatistics);
    }

    /** What the driver reports of {@code parameter}'s kind (its rings, coalescing or pause); empty when it has none. */
    public Map<? extends DriverParameter, Long> reported(DriverParameter parameter) {
        return switch (parameter) {
            case RingParameter r -> rings;
            case CoalesceParameter c -> coalesce;
            case PauseParameter p -> pause;
            default -> throw new IllegalArgumentException("no such kind of driver parameter: " + parameter);
        };
    }

    /** The same interface without its counters and driver statistics. */
    public InterfaceReport withoutCounters() {
        return withCounters(Map.of(), Map.of());
    }
}
