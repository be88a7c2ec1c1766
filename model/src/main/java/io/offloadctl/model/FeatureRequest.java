package io.offloadctl.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernel features to turn on or off on one interface, after legacy names were expanded.
 * Iteration follows the order the settings were given in.
 */
public record FeatureRequest(Map<String, Boolean> wanted) {

    public FeatureRequest {
        wanted = Collections.unmodifiableMap(new LinkedHashMap<>(wanted));
    }

    public boolean isEmpty() {
        return wanted.isEmpty();
    }

    /** What applying this request to {@code table} would try to change, in bit order. */
    public List<PlannedChange> plan(FeatureTable table) {
        List<PlannedChange> plan = new ArrayList<>();
        for (Feature feature : table.features()) {
            Boolean target = wanted.get(feature.name());
            if (target != null && (feature.active() != target || feature.requested() != target)) {
                plan.add(new PlannedChange(feature.name(), feature.active(), target, feature.fixed()));
            }
        }
        return plan;
    }

    /** One feature a request would change: from its active value to the wanted one. */
    public record PlannedChange(String name, boolean from, boolean to, boolean fixed) {
    }
}
