package io.offloadctl.node.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.offloadctl.model.report.ContestedFeature;

/**
 * Repairs per interface feature, to tell a drift from a fight: a feature repaired {@code limit}
 * times within {@code window} is contested (something on the host keeps turning it back), and
 * the agent stops repairing it until the revision changes or an operator asks for a retry.
 */
final class Contests {

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> repairs = new HashMap<>();
    private final Map<String, ContestedFeature> contested = new LinkedHashMap<>();

    Contests(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    private static String key(String iface, String feature) {
        return iface + "\u0000" + feature;
    }

    boolean isContested(String iface, String feature) {
        return contested.containsKey(key(iface, feature));
    }

    /**
     * Whether the feature may be repaired now; when it was repaired {@code limit} times within the
     * window already, it becomes contested instead (and true is returned once, by {@link #declare}).
     */
    boolean mayRepair(String iface, String feature, Instant now) {
        Deque<Instant> times = repairs.get(key(iface, feature));
        if (times == null) {
            return true;
        }
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
            times.removeFirst();
        }
        return times.size() < limit;
    }

    void repaired(String iface, String feature, Instant now) {
        repairs.computeIfAbsent(key(iface, feature), k -> new ArrayDeque<>()).addLast(now);
    }

    /** Marks the feature contested; false when it already was. */
    boolean declare(String iface, String feature, Object wanted, Instant now) {
        String key = key(iface, feature);
        if (contested.containsKey(key)) {
            return false;
        }
        contested.put(key, new ContestedFeature(iface, feature, wanted, repairs.getOrDefault(key, new ArrayDeque<>()).size(),
                window.toSeconds(), now));
        return true;
    }

    /** An interface that is gone takes its history with it. */
    void forget(String iface) {
        repairs.keySet().removeIf(k -> k.startsWith(iface + "\u0000"));
        contested.keySet().removeIf(k -> k.startsWith(iface + "\u0000"));
    }

    void clear() {
        repairs.clear();
        contested.clear();
    }

    List<ContestedFeature> contested() {
        return new ArrayList<>(contested.values());
    }
}
