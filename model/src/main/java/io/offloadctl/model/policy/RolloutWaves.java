package io.offloadctl.model.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Orders the nodes a change reaches into waves: the canary first, then waves of at most
 * {@link Rollout#waveSize} nodes. With {@code spreadBy}, nodes are taken in turn from each value of
 * that label (each value's nodes by name), and a wave never holds every node of a value that has more
 * than one; without it, nodes go by name.
 */
public final class RolloutWaves {

    /** A node the change reaches, with its value of the spreadBy label (null: none, or no spreadBy). */
    public record Candidate(String node, String spreadValue) {
    }

    private RolloutWaves() {
    }

    public static List<List<Candidate>> plan(List<Candidate> nodes, Rollout given) {
        Rollout rollout = given.normalized();
        boolean spread = rollout.spreadBy() != null;
        List<Candidate> order = spread ? interleaved(nodes)
                : nodes.stream().sorted(Comparator.comparing(Candidate::node)).toList();
        Map<String, Integer> groupSize = new HashMap<>();
        order.forEach(c -> groupSize.merge(group(c), 1, Integer::sum));
        List<List<Candidate>> waves = new ArrayList<>();
        int canary = Math.min(rollout.canary(), order.size());
        if (canary > 0) {
            waves.add(List.copyOf(order.subList(0, canary)));
        }
        LinkedHashSet<Candidate> remaining = new LinkedHashSet<>(order.subList(canary, order.size()));
        int size = rollout.waveSize(order.size());
        while (!remaining.isEmpty()) {
            List<Candidate> wave = new ArrayList<>();
            Map<String, Integer> taken = new HashMap<>();
            for (Candidate candidate : remaining) {
                if (wave.size() == size) {
                    break;
                }
                String group = group(candidate);
                int already = taken.getOrDefault(group, 0);
                if (spread && groupSize.get(group) > 1 && already + 1 >= groupSize.get(group)) {
                    continue;
                }
                wave.add(candidate);
                taken.put(group, already + 1);
            }
            if (wave.isEmpty()) {
                wave.add(remaining.iterator().next());
            }
            wave.forEach(remaining::remove);
            waves.add(List.copyOf(wave));
        }
        return waves;
    }

    /** One node of each value in turn (values and nodes by name): r1-a, r2-a, r1-b, r2-b, ... */
    private static List<Candidate> interleaved(List<Candidate> nodes) {
        Map<String, List<Candidate>> byValue = new TreeMap<>();
        nodes.stream().sorted(Comparator.comparing(Candidate::node))
                .forEach(c -> byValue.computeIfAbsent(group(c), g -> new ArrayList<>()).add(c));
        List<Candidate> order = new ArrayList<>();
        for (int i = 0; order.size() < nodes.size(); i++) {
            for (List<Candidate> value : byValue.values()) {
                if (i < value.size()) {
                    order.add(value.get(i));
                }
            }
        }
        return order;
    }

    private static String group(Candidate candidate) {
        return candidate.spreadValue() == null ? "" : "=" + candidate.spreadValue();
    }
}
