package io.offloadctl.model.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One diagnostic rule, read from data: it matches an interface when every condition of one of its
 * alternatives holds, and then recommends feature changes (ethtool legacy or kernel names).
 */
public record Rule(String id, String title, Severity severity, List<List<Condition>> alternatives,
                   Map<String, Boolean> recommend, String explanation, List<Source> sources) {

    public Rule {
        alternatives = alternatives.stream().map(List::copyOf).toList();
        recommend = new TreeMap<>(recommend);
        sources = List.copyOf(sources);
    }

    /** Whether every alternative judges counters over a sample: without one, the rule never matches. */
    public boolean symptom() {
        return alternatives.stream().allMatch(conditions -> conditions.stream().anyMatch(Condition::needsSample));
    }

    /** Whether an alternative's counter conditions all hold for {@code iface} over the sample (the others are not judged). */
    boolean mayHold(NodeSample sample, String iface) {
        return alternatives.stream().anyMatch(conditions -> conditions.stream().allMatch(c -> c.mayHold(sample, iface)));
    }

    /** The evidence of the first alternative that holds for the interface, if any does. */
    Optional<List<String>> match(InterfaceFacts facts) {
        for (List<Condition> conditions : alternatives) {
            List<String> evidence = new ArrayList<>();
            boolean all = true;
            for (Condition condition : conditions) {
                Optional<String> held = condition.evidence(facts);
                if (held.isEmpty()) {
                    all = false;
                    break;
                }
                evidence.add(held.get());
            }
            if (all) {
                return Optional.of(evidence);
            }
        }
        return Optional.empty();
    }
}
