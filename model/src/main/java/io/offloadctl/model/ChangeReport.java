package io.offloadctl.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a feature change did, judged the way the kernel's ethtool netlink reply and
 * {@code ethtool -K} judge it, computed from a read before and a read after the change.
 *
 * @param lines          the features to report, in bit order; empty when all went as requested
 * @param nothingChanged every requested feature ended up different from what was requested
 *                       ("Could not change any device features")
 */
public record ChangeReport(List<Line> lines, boolean nothingChanged) {

    public ChangeReport {
        lines = List.copyOf(lines);
    }

    /** True when the result differs from the request, so ethtool prints "Actual changes:". */
    public boolean hasDifferences() {
        return !lines.isEmpty();
    }

    /** Requested features that did not end up as requested. */
    public List<Line> unmet() {
        return lines.stream().filter(line -> line.outcome() == Outcome.DIFFERS_FROM_REQUEST).toList();
    }

    public enum Outcome {
        /** Requested, and now as requested (shown only when something else differs). */
        AS_REQUESTED,
        /** Requested, but the result is the other value. */
        DIFFERS_FROM_REQUEST,
        /** Not requested, but changed as a consequence (for example TSO dropped by {@code sg off}). */
        NOT_REQUESTED
    }

    /** One feature of the report: its name, its value now, and how that relates to the request. */
    public record Line(String name, boolean active, Outcome outcome) {
    }

    /**
     * Compares before and after as the kernel does for a FEATURES_SET reply: requested bits whose
     * new active value differs from the requested wanted value, and active bits that changed.
     */
    public static ChangeReport of(FeatureRequest request, FeatureTable before, FeatureTable after) {
        List<Line> lines = new ArrayList<>();
        boolean anyDifference = false;
        boolean everyRequestUnmet = true;
        for (Feature old : before.features()) {
            Feature now = after.feature(old.name()).orElseThrow(() -> new OffloadException(ErrorKind.BUG,
                    "feature " + old.name() + " vanished between two reads"));
            Boolean wanted = request.wanted().get(old.name());
            boolean changed = old.active() != now.active();
            if (wanted != null) {
                boolean unmet = now.active() != wanted;
                everyRequestUnmet &= unmet;
                anyDifference |= unmet;
                if (unmet) {
                    lines.add(new Line(old.name(), now.active(), Outcome.DIFFERS_FROM_REQUEST));
                } else if (changed) {
                    lines.add(new Line(old.name(), now.active(), Outcome.AS_REQUESTED));
                }
            } else if (changed) {
                anyDifference = true;
                lines.add(new Line(old.name(), now.active(), Outcome.NOT_REQUESTED));
            }
        }
        boolean nothingChanged = !request.isEmpty() && everyRequestUnmet;
        return new ChangeReport(anyDifference ? lines : List.of(), nothingChanged);
    }
}
