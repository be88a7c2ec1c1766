package io.offloadctl.model.policy;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a change of an enforce-mode policy's effect reaches the nodes it changes: a canary wave,
 * then waves of at most {@code maxUnavailable} nodes, each kept compliant for {@code soak} before
 * the next, spread across the values of a node label; optionally each node keeps the change only
 * if a throughput measurement says it did not hurt ({@code verify}).
 */
@Schema(description = "How a change of this policy reaches the nodes it changes, in waves: first `canary` nodes alone, then waves "
        + "of at most `maxUnavailable` nodes; a wave is done when its nodes reported the new desired state applied and compliant "
        + "and `soak` passed without a failed, rolled-back or stale node, and a failed node pauses the rollout. Left out: a canary "
        + "of one node, then 50% of the nodes per wave, 60 s of soak. The whole fleet at once only when asked: canary 0, "
        + "maxUnavailable \"100%\".")
public record Rollout(
        @Schema(description = "Nodes of the first wave, which goes alone (default 1; 0: no canary wave).", examples = "1") Integer canary,
        @Schema(description = "Most nodes in one later wave, as a string: a number (\"2\") or a percentage of the nodes the change "
                + "reaches (\"25%\"; at least one node). Default \"50%\".", examples = "25%", pattern = "^[0-9]{1,6}%?$") String maxUnavailable,
        @Schema(description = "How long a wave's nodes must stay compliant before the next wave starts: a number with ms, s, m or "
                + "h (default \"60s\").", examples = "60s", pattern = "^[0-9]{1,9}(ms|s|m|h)$") String soak,
        @Schema(nullable = true, description = "A node label (rack, zone): nodes are ordered across its values, and no wave takes "
                + "every node of one value (unless that value has one node).", examples = "rack") String spreadBy,
        @Schema(nullable = true, description = "Keep the change on a node only if TCP throughput to a peer did not fall; the "
                + "node's result gates its wave.") RolloutVerify verify) {

    public static final int DEFAULT_CANARY = 1;
    public static final String DEFAULT_MAX_UNAVAILABLE = "50%";
    public static final String DEFAULT_SOAK = "60s";
    /** What a left-out rollout means. */
    public static final Rollout DEFAULT = new Rollout(DEFAULT_CANARY, DEFAULT_MAX_UNAVAILABLE, DEFAULT_SOAK, null, null);

    private static final Pattern WAVE = Pattern.compile("([0-9]{1,6})(%?)");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");
    private static final int MAX_CANARY = 10_000;

    /** The same rollout with its defaults filled in. */
    public Rollout normalized() {
        return new Rollout(canary == null ? DEFAULT_CANARY : canary, maxUnavailable == null ? DEFAULT_MAX_UNAVAILABLE : maxUnavailable,
                soak == null ? DEFAULT_SOAK : soak, spreadBy, verify == null ? null : verify.normalized());
    }

    /** What an agent needs of it: only the verification, or nothing. */
    public static Rollout forAgents(Rollout rollout) {
        return rollout == null || rollout.verify() == null ? null : new Rollout(null, null, null, null, rollout.verify().normalized());
    }

    /** Nodes of the waves after the canary for a change that reaches {@code nodes} nodes: at least one. */
    public int waveSize(int nodes) {
        Matcher m = WAVE.matcher(normalized().maxUnavailable());
        if (!m.matches()) {
            throw new IllegalStateException("not normalized: " + maxUnavailable);
        }
        long n = Long.parseLong(m.group(1));
        long size = m.group(2).isEmpty() ? n : (nodes * n) / 100;
        return (int) Math.max(1, Math.min(size, Math.max(nodes, 1)));
    }

    public Duration soakDuration() {
        return duration(normalized().soak());
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    static void check(Rollout rollout, List<Violation> violations) {
        if (rollout == null) {
            return;
        }
        if (rollout.canary() != null && (rollout.canary() < 0 || rollout.canary() > MAX_CANARY)) {
            violations.add(new Violation("rollout.canary", "must be between 0 and " + MAX_CANARY));
        }
        if (rollout.maxUnavailable() != null) {
            Matcher m = WAVE.matcher(rollout.maxUnavailable());
            if (!m.matches()) {
                violations.add(new Violation("rollout.maxUnavailable", "must be a number of nodes (\"2\") or a percentage (\"25%\")"));
            } else if (Long.parseLong(m.group(1)) == 0 || (!m.group(2).isEmpty() && Long.parseLong(m.group(1)) > 100)) {
                violations.add(new Violation("rollout.maxUnavailable", "must be at least 1 node or 1%, and at most 100%"));
            }
        }
        if (rollout.soak() != null) {
            if (!DURATION.matcher(rollout.soak()).matches()) {
                violations.add(new Violation("rollout.soak", "must be a number with ms, s, m or h (\"60s\", \"5m\")"));
            } else if (duration(rollout.soak()).compareTo(Duration.ofDays(7)) > 0) {
                violations.add(new Violation("rollout.soak", "must be at most 7 days"));
            }
        }
        if (rollout.spreadBy() != null && Labels.keyProblem(rollout.spreadBy()) != null) {
            violations.add(new Violation("rollout.spreadBy", Labels.keyProblem(rollout.spreadBy())));
        }
        RolloutVerify.check(rollout.verify(), violations);
    }
}
