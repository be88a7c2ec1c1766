package io.offloadctl.node.output;

import java.util.List;

import io.offloadctl.model.ChangeReport;
import io.offloadctl.model.FeatureRequest.PlannedChange;

/** Renders the outcome of a change as {@code ethtool -K} prints it, and a dry run's plan. */
public final class ChangeText {

    /** What ethtool -K writes to stderr when none of the requested features took. */
    public static final String NOTHING_CHANGED = "Could not change any device features";

    private ChangeText() {
    }

    /** "Actual changes:" and one line per feature, or nothing when all went as requested. */
    public static String render(ChangeReport report) {
        if (!report.hasDifferences()) {
            return "";
        }
        StringBuilder out = new StringBuilder("Actual changes:\n");
        for (ChangeReport.Line line : report.lines()) {
            out.append(line.name()).append(": ").append(FeatureText.onOff(line.active()));
            switch (line.outcome()) {
                case DIFFERS_FROM_REQUEST -> out.append(" [requested ").append(FeatureText.onOff(!line.active())).append(']');
                case NOT_REQUESTED -> out.append(" [not requested]");
                case AS_REQUESTED -> {
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static String renderPlan(String interfaceName, List<PlannedChange> plan) {
        if (plan.isEmpty()) {
            return "Nothing to change on " + interfaceName + ": every requested feature is already as asked.\n";
        }
        StringBuilder out = new StringBuilder("Would change on ").append(interfaceName).append(":\n");
        for (PlannedChange change : plan) {
            out.append(change.name()).append(": ").append(FeatureText.onOff(change.from())).append(" -> ")
                    .append(FeatureText.onOff(change.to()));
            if (change.fixed()) {
                out.append(" [fixed: cannot change]");
            }
            out.append('\n');
        }
        out.append("Features that depend on these (for example TSO on scatter-gather) may change too.\n");
        return out.toString();
    }
}
