package io.offloadctl.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RolloutWavesTest {

    static List<RolloutWaves.Candidate> racks(int perRack, String... racks) {
        List<RolloutWaves.Candidate> nodes = new ArrayList<>();
        for (String rack : racks) {
            for (int i = 1; i <= perRack; i++) {
                nodes.add(new RolloutWaves.Candidate(rack + "-n" + i, rack));
            }
        }
        return nodes;
    }

    static List<List<String>> names(List<List<RolloutWaves.Candidate>> waves) {
        return waves.stream().map(w -> w.stream().map(RolloutWaves.Candidate::node).toList()).toList();
    }

    @Test
    void canaryFirstThenWavesNoLargerThanMaxUnavailableAndNeverAWholeRack() {
        var waves = RolloutWaves.plan(racks(3, "r1", "r2"), new Rollout(1, "2", "5s", "rack", null));
        assertEquals(List.of(List.of("r1-n1"), List.of("r2-n1", "r1-n2"), List.of("r2-n2", "r1-n3"), List.of("r2-n3")), names(waves));
    }

    @Test
    void everyNodeOnceAndNoWaveHoldsAllOfARackWhateverTheSizes() {
        for (int perRack = 1; perRack <= 5; perRack++) {
            for (String max : List.of("1", "2", "3", "50%", "100%")) {
                for (int canary = 0; canary <= 2; canary++) {
                    var nodes = racks(perRack, "a", "b", "c");
                    var waves = RolloutWaves.plan(nodes, new Rollout(canary, max, "0s", "rack", null));
                    assertEquals(nodes.size(), waves.stream().mapToInt(List::size).sum());
                    int size = new Rollout(canary, max, "0s", "rack", null).waveSize(nodes.size());
                    for (int w = 0; w < waves.size(); w++) {
                        var wave = waves.get(w);
                        assertTrue(w == 0 && canary > 0 ? wave.size() == Math.min(canary, nodes.size()) : wave.size() <= size,
                                perRack + " " + max + " " + canary + ": " + names(waves));
                        Map<String, Integer> perValue = new HashMap<>();
                        wave.forEach(c -> perValue.merge(c.spreadValue(), 1, Integer::sum));
                        int rackSize = perRack;
                        perValue.values().forEach(n -> assertTrue(rackSize == 1 || n < rackSize, names(waves).toString()));
                    }
                }
            }
        }
    }

    @Test
    void withoutSpreadByTheWholeFleetAtOnceWhenAskedAndDefaultsHalf() {
        var nodes = racks(3, "a", "b");
        assertEquals(1, RolloutWaves.plan(nodes, new Rollout(0, "100%", "0s", null, null)).size());
        var defaults = RolloutWaves.plan(nodes, Rollout.DEFAULT);
        assertEquals(List.of(1, 3, 2), defaults.stream().map(List::size).toList());
        assertEquals(1, Rollout.DEFAULT.waveSize(1));
        assertEquals(1, new Rollout(1, "10%", "0s", null, null).waveSize(3));
    }

    @Test
    void badRolloutsAreRefusedByField() {
        var bad = new Policy("p", null, 1, PolicyMode.enforce, null, Map.of("gro", false), RemovalAction.keep,
                new Rollout(-1, "0", "60 s", "no spaces", new RolloutVerify("example.org", 0, 100, "1ms", 0, null)));
        ValidationException e = assertThrows(ValidationException.class, () -> PolicyNormalizer.normalize(bad));
        List<String> fields = e.violations().stream().map(Violation::field).toList();
        assertEquals(List.of("rollout.canary", "rollout.maxUnavailable", "rollout.soak", "rollout.spreadBy", "rollout.verify.peer",
                "rollout.verify.port", "rollout.verify.threshold", "rollout.verify.streams", "rollout.verify.duration"), fields);
    }

    @Test
    void storedWithDefaultsAndAgentsSeeOnlyTheVerification() {
        var stored = PolicyNormalizer.normalize(new Policy("p", null, 1, PolicyMode.enforce, null, Map.of("gro", false)));
        assertEquals(Rollout.DEFAULT, stored.rollout());
        var forAgents = DesiredStateCalculator.policiesFor(Map.of(), List.of(stored));
        assertEquals(null, forAgents.get(0).rollout());
        var verified = stored.withRollout(new Rollout(1, "1", "1s", null, new RolloutVerify("198.18.0.2", null, null, null, null, null)));
        assertEquals(new Rollout(null, null, null, null, new RolloutVerify("198.18.0.2", 5210, 5, "3s", 1, false)),
                DesiredStateCalculator.policiesFor(Map.of(), List.of(verified)).get(0).rollout());
    }
}
