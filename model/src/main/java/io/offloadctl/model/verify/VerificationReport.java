package io.offloadctl.model.verify;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.offloadctl.model.settings.SettingValue;

/** The outcome of offloadctl verify: throughput measured before and after a change, and whether it was kept. */
@Schema(description = "One throughput verification: a change of settings measured before and after against a peer, "
        + "kept only if throughput did not get worse by more than the threshold.")
public record VerificationReport(
        @Schema(description = "The perf server measured against (address or name).", examples = "198.18.0.2", required = true) String peer,
        @Schema(description = "Interfaces changed.", examples = "[\"eno1\"]", required = true) List<String> interfaces,
        @Schema(description = "The change tried, by setting: kernel feature names, channels.KIND for channel counts, limits.NAME for size limits.",
                examples = "{\"rx-gro\": false, \"tx-generic-segmentation\": false}", additionalProperties = SettingValue.class,
                required = true) Map<String, Object> settings,
        @Schema(description = "Throughput before the change, bits per second.", examples = "140000") double beforeBitsPerSecond,
        @Schema(description = "Throughput after the change, bits per second.", examples = "6600000000") double afterBitsPerSecond,
        @Schema(nullable = true, description = "TCP retransmissions during the measurement before; null when not readable.") Long beforeRetransmissions,
        @Schema(nullable = true, description = "TCP retransmissions during the measurement after; null when not readable.") Long afterRetransmissions,
        @Schema(description = "How much worse (percent) the throughput could get and the change still be kept.", examples = "5") double thresholdPercent,
        @Schema(description = "Seconds each measurement lasted.", examples = "5") double seconds,
        @Schema(description = "Parallel TCP streams per measurement.", examples = "1") int streams,
        @Schema(description = "Whether the change was kept (otherwise it was rolled back).", required = true) boolean kept) {

    public VerificationReport {
        interfaces = List.copyOf(interfaces);
        Map<String, Object> normalized = new TreeMap<>();
        settings.forEach((setting, value) -> normalized.put(setting, SettingValue.of(value)));
        settings = normalized;
    }

    /** after / before; infinite when nothing got through before and something does after. */
    public double ratio() {
        return beforeBitsPerSecond == 0 ? (afterBitsPerSecond > 0 ? Double.POSITIVE_INFINITY : 1) : afterBitsPerSecond / beforeBitsPerSecond;
    }

    /** The rule verify decides by: keep unless throughput fell by more than the threshold. */
    public static boolean keep(double before, double after, double thresholdPercent) {
        return after >= before * (1 - thresholdPercent / 100);
    }
}
