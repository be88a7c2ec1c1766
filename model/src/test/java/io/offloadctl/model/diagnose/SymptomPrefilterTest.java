package io.offloadctl.model.diagnose;

import static io.offloadctl.model.diagnose.RuleBookTest.counters;
import static io.offloadctl.model.diagnose.RuleBookTest.offloadsOn;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.report.FeatureReport;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeCounters;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.report.TcpCounters;
import io.offloadctl.model.report.UdpCounters;

/**
 * The API decides from two readings of counters alone whether the symptom rules could find
 * anything ({@link Diagnosis#mayFindSymptoms}); only then does it read the node's configuration.
 * That answer must never be "no" where the rules do find something: checked over seeded random
 * nodes (every interface kind, drivers the rules name and others, random features) and random
 * samples from quiet to heavy, tiny-packet, dropping, retransmitting and checksum-failing.
 */
class SymptomPrefilterTest {

    private static final RuleBook BOOK = RuleBook.builtIn();
    private static final Diagnosis DOCTOR = new Diagnosis(BOOK);
    private static final List<String> DRIVERS = List.of("bnxt_en", "virtio_net", "ixgbe", "vmxnet3", "hv_netvsc", "e1000e",
            "xen_netfront", "vif", "mlx5_core", "veth", "bridge", "vxlan");

    @Test
    void neverSaysNoWhereTheSymptomRulesFindSomething() {
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            int found = 0;
            java.util.Set<String> matchedRules = new java.util.TreeSet<>();
            int skipped = 0;
            for (int round = 0; round < 2000; round++) {
                boolean busy = random.nextInt(3) > 0;
                List<InterfaceReport> before = new ArrayList<>();
                List<InterfaceReport> after = new ArrayList<>();
                for (InterfaceKind kind : InterfaceKind.values()) {
                    String name = kind.name().substring(0, Math.min(kind.name().length(), 10)) + round % 7;
                    Map<String, FeatureReport> features = features(random);
                    String driver = DRIVERS.get(random.nextInt(DRIVERS.size()));
                    int mtu = random.nextBoolean() ? 1500 : 9000;
                    before.add(new InterfaceReport(name, kind, driver, "1", "", "", mtu, 10000, null, counters(0, 0, 0, 0, 0), features));
                    after.add(new InterfaceReport(name, kind, driver, "1", "", "", mtu, 10000, null, traffic(random, busy), features));
                }
                long sent = random.nextInt(100_000);
                NodeReport then = new NodeReport(Map.of(), random.nextBoolean() ? "5.4.0" : "6.8.0", "t", before, true,
                        new TcpCounters(0, 0, 0L), null, new UdpCounters(0, 0));
                NodeReport now = new NodeReport(Map.of(), then.kernel(), "t", after, true,
                        new TcpCounters(sent, busy && random.nextInt(4) == 0 ? random.nextInt(5000) : 0, busy ? random.nextInt(30) : 0L), null,
                        new UdpCounters(random.nextInt(1000), busy ? random.nextInt(3) : 0));
                NodeSample sample = NodeSample.between(NodeCounters.of(then), NodeCounters.of(now), 1 + random.nextInt(30));
                List<String> names = after.stream().filter(i -> i.kind() != InterfaceKind.loopback).map(InterfaceReport::name).toList();
                boolean may = DOCTOR.mayFindSymptoms(sample, names);
                List<Finding> symptoms = DOCTOR.symptoms(now, sample, Map.of());
                if (!symptoms.isEmpty()) {
                    found++;
                    assertTrue(may, "seed " + seed + " round " + round + ": symptoms found over " + sample);
                }
                for (Finding finding : symptoms) {
                    Rule rule = BOOK.rules().stream().filter(r -> r.id().equals(finding.rule())).findFirst().orElseThrow();
                    assertTrue(rule.mayHold(sample, finding.interfaceName()), "seed " + seed + " round " + round + ": "
                            + finding.rule() + " found on " + finding.interfaceName() + " over " + sample);
                    matchedRules.add(finding.rule());
                }
                if (!may) {
                    skipped++;
                }
            }
            assertTrue(found > 100, "seed " + seed + ": the samples reach the symptom rules (" + found + " rounds)");
            assertTrue(matchedRules.size() >= 5, "seed " + seed + ": most symptom rules are reached: " + matchedRules);
            assertTrue(skipped > 100, "seed " + seed + ": and quiet ones are told apart (" + skipped + " rounds)");
        }
    }

    @Test
    void anIdleHostsSampleNeedsNothingMoreRead() {
        Map<String, Map<String, Long>> idle = new TreeMap<>();
        idle.put("eno1", counters(50, 6_000, 40, 5_000, 0));
        NodeCounters before = new NodeCounters(Map.of("eno1", counters(0, 0, 0, 0, 0)), new TcpCounters(0, 0, 0L), new UdpCounters(0, 0));
        NodeCounters after = new NodeCounters(idle, new TcpCounters(40, 0, 0L), new UdpCounters(3, 0));
        assertFalse(DOCTOR.mayFindSymptoms(NodeSample.between(before, after, 10), List.of("eno1")));
    }

    private static Map<String, FeatureReport> features(Random random) {
        Map<String, FeatureReport> features = new TreeMap<>(offloadsOn());
        for (String name : List.of("rx-gro", "rx-lro", "rx-gro-hw", "tx-checksum-ip-generic", "tx-udp_tnl-segmentation",
                "tx-udp_tnl-csum-segmentation", "tx-generic-segmentation", "tx-tcp-segmentation")) {
            boolean on = random.nextBoolean();
            features.put(name, new FeatureReport(on, on, random.nextInt(5) > 0, false));
        }
        return features;
    }

    /** Counters after a sample: nothing or idle chatter; on a busy node also bulk, tiny packets or drops. */
    private static Map<String, Long> traffic(Random random, boolean busy) {
        return switch (random.nextInt(busy ? 5 : 2)) {
            case 0 -> counters(0, 0, 0, 0, 0);
            case 1 -> counters(100, 9_000, 80, 7_000, 0);
            case 2 -> counters(800_000, 1_100_000_000, 400_000, 30_000_000, random.nextInt(2));
            case 3 -> counters(900_000, 180_000_000, 100_000, 9_000_000, 0);
            default -> counters(100_000, 140_000_000, 90_000, 130_000_000, 100 + random.nextInt(5000));
        };
    }
}
