package io.offloadctl.model.policy;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The throughput gate of a rollout: each node measures TCP throughput to a peer running
 * {@code offloadctl perf server}, applies the change, measures again, and keeps the change only if
 * throughput did not fall by more than the threshold (what {@code offloadctl verify} does).
 */
@Schema(description = "Measure, apply, measure, as `offloadctl verify` does: each node of a wave measures TCP throughput to `peer` "
        + "(running `offloadctl perf server`) before and after the change and keeps it only if throughput did not fall by more than "
        + "`threshold` percent; a node that rolled back fails its wave.")
public record RolloutVerify(
        @Schema(description = "IPv4 address of the peer running `offloadctl perf server`.", examples = "198.18.0.2", required = true) String peer,
        @Schema(description = "The perf server's port (default 5210).", examples = "5210") Integer port,
        @Schema(description = "Most percent that throughput may fall and the change still be kept (default 5).", examples = "5") Integer threshold,
        @Schema(description = "Length of each of the two measurements (default \"3s\").", examples = "3s", pattern = "^[0-9]{1,9}(ms|s|m|h)$") String duration,
        @Schema(description = "Parallel TCP streams (default 1).", examples = "1") Integer streams,
        @Schema(description = "Measure the peer sending to the node (receive-side features: gro, lro); default false.") Boolean reverse) {

    public static final int DEFAULT_PORT = 5210;
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    public RolloutVerify normalized() {
        return new RolloutVerify(peer, port == null ? DEFAULT_PORT : port, threshold == null ? 5 : threshold,
                duration == null ? "3s" : duration, streams == null ? 1 : streams, reverse != null && reverse);
    }

    public Duration measurement() {
        return Rollout.duration(normalized().duration());
    }

    static void check(RolloutVerify verify, List<Violation> violations) {
        if (verify == null) {
            return;
        }
        if (verify.peer() == null || !IPV4.matcher(verify.peer()).matches()) {
            violations.add(new Violation("rollout.verify.peer", "must be an IPv4 address (198.18.0.2)"));
        }
        if (verify.port() != null && (verify.port() < 1 || verify.port() > 65535)) {
            violations.add(new Violation("rollout.verify.port", "must be 1 to 65535"));
        }
        if (verify.threshold() != null && (verify.threshold() < 0 || verify.threshold() > 99)) {
            violations.add(new Violation("rollout.verify.threshold", "must be 0 to 99 (percent)"));
        }
        if (verify.streams() != null && (verify.streams() < 1 || verify.streams() > 128)) {
            violations.add(new Violation("rollout.verify.streams", "must be 1 to 128"));
        }
        if (verify.duration() != null) {
            Duration length;
            try {
                length = Rollout.duration(verify.duration());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("rollout.verify.duration", "must be a number with ms, s, m or h (\"3s\")"));
                return;
            }
            if (length.toMillis() < 100 || length.compareTo(Duration.ofMinutes(5)) > 0) {
                violations.add(new Violation("rollout.verify.duration", "must be between 100ms and 5m"));
            }
        }
    }
}
