package io.offloadctl.api.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.offloadctl.model.report.FeatureReport;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;

/** Says in a line what changed between two reports of a node: interfaces and active features. */
final class ReportDiff {

    private static final int MAX_ITEMS = 20;

    private ReportDiff() {
    }

    static String describe(NodeReport before, NodeReport after) {
        Map<String, InterfaceReport> old = byName(before);
        Map<String, InterfaceReport> now = byName(after);
        List<String> items = new ArrayList<>();
        now.keySet().stream().filter(name -> !old.containsKey(name)).forEach(name -> items.add(name + " added"));
        old.keySet().stream().filter(name -> !now.containsKey(name)).forEach(name -> items.add(name + " removed"));
        now.forEach((name, iface) -> {
            InterfaceReport was = old.get(name);
            if (was == null) {
                return;
            }
            iface.features().forEach((feature, state) -> {
                FeatureReport previous = was.features().get(feature);
                if (previous != null && previous.active() != state.active()) {
                    items.add(name + " " + feature + " " + onOff(previous.active()) + "->" + onOff(state.active()));
                }
            });
            if (was.mtu() != iface.mtu()) {
                items.add(name + " mtu " + was.mtu() + "->" + iface.mtu());
            }
        });
        if (items.isEmpty()) {
            return "report changed (labels, versions or counters)";
        }
        String text = String.join("; ", items.subList(0, Math.min(items.size(), MAX_ITEMS)));
        return items.size() > MAX_ITEMS ? text + "; and " + (items.size() - MAX_ITEMS) + " more" : text;
    }

    private static Map<String, InterfaceReport> byName(NodeReport report) {
        return report.interfaces().stream().collect(Collectors.toMap(InterfaceReport::name, Function.identity(), (a, b) -> a,
                java.util.TreeMap::new));
    }

    private static String onOff(boolean value) {
        return value ? "on" : "off";
    }
}
