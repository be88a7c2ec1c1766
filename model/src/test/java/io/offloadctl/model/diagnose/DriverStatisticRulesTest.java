package io.offloadctl.model.diagnose;

import static io.offloadctl.model.diagnose.RuleBookTest.counters;
import static io.offloadctl.model.diagnose.RuleBookTest.offloadsOn;
import static io.offloadctl.model.diagnose.RuleBookTest.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.report.DriverStatistics;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeCounters;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.report.TcpCounters;

/**
 * Driver statistics as the doctor's evidence: what an agent reports of them (the totals of the
 * counters each rule's name matches), their rates over a sample, the mlx5 rules that read them, and
 * what the rule book refuses.
 */
class DriverStatisticRulesTest {

    private static final Diagnosis DOCTOR = new Diagnosis(RuleBook.builtIn());

    /** An mlx5 port's ethtool -S, in part: the software port counters and two rings'. */
    static DriverStatistics mlx5(long oversize, long txDropped, long ring0Lro, long ring1Lro) {
        List<DriverStatistics.Counter> counters = new ArrayList<>(List.of(
                new DriverStatistics.Counter("rx_packets", 1000),
                new DriverStatistics.Counter("rx_lro_packets", ring0Lro + ring1Lro),
                new DriverStatistics.Counter("rx_oversize_pkts_sw_drop", oversize),
                new DriverStatistics.Counter("tx_queue_dropped", txDropped),
                new DriverStatistics.Counter("rx0_lro_packets", ring0Lro),
                new DriverStatistics.Counter("rx1_lro_packets", ring1Lro)));
        return new DriverStatistics("ens1f0", counters);
    }

    static InterfaceReport port(DriverStatistics statistics) {
        return new InterfaceReport("ens1f0", InterfaceKind.physical, "mlx5_core", "6.8", "", "", 1500, 100000, null,
                counters(0, 0, 0, 0, 0), offloadsOn(), null, null, null, null,
                statistics.totals(RuleBook.builtIn().driverStatisticNames()));
    }

    static NodeReport host(InterfaceReport iface) {
        return new NodeReport(Map.of(), "6.8", "t", List.of(iface), false, new TcpCounters(0, 0));
    }

    @Test
    void anAgentReportsTheTotalOfWhatEachNameMatches() {
        DriverStatistics statistics = mlx5(3, 4, 10, 20);
        assertEquals(Map.of("rx*_lro_packets", 60L), statistics.totals(List.of("rx*_lro_packets")),
                "'*' matches any text, none too: every ring's and the software port's total");
        assertEquals(Map.of("rx_oversize_pkts_sw_drop", 3L, "tx_queue_dropped", 4L),
                statistics.totals(List.of("rx_oversize_pkts_sw_drop", "tx_queue_dropped", "rx_oversize_pkts_buffer")),
                "a name the driver lacks is left out");
        assertEquals(Map.of(), statistics.totals(List.of("rx.*")), "'.' is literal, not a regex");
        assertEquals(Map.of("[*]: tpa_aborts", 7L), new DriverStatistics("eno1", List.of(
                new DriverStatistics.Counter("[0]: tpa_aborts", 3), new DriverStatistics.Counter("[1]: tpa_aborts", 4),
                new DriverStatistics.Counter("[0]: tpa_events", 9))).totals(List.of("[*]: tpa_aborts")));
        assertTrue(RuleBook.builtIn().driverStatisticNames().containsAll(
                Set.of("rx_oversize_pkts_sw_drop", "rx_oversize_pkts_buffer", "tx_queue_dropped")));
    }

    @Test
    void oversizeDropsRisingOnAnMlx5PortAreFound() {
        NodeReport before = host(port(mlx5(100, 0, 0, 0)));
        NodeReport after = host(port(mlx5(150, 0, 0, 0)));
        NodeSample sample = NodeSample.between(before, after, 10);
        assertEquals(5.0, sample.interfaces().get("ens1f0").driverStatistics().get("rx_oversize_pkts_sw_drop"));
        List<Finding> findings = DOCTOR.run(after, sample, Map.of());
        assertEquals(List.of("mlx5-oversize-receive-drops@ens1f0"), rules(findings));
        assertTrue(findings.get(0).evidence().stream().anyMatch(e -> e.equals(
                "driver statistics rising: rx_oversize_pkts_sw_drop 5.0/s (ethtool -S) (over 10 s)")), findings.get(0).evidence().toString());
        // the same total at both ends, no sample, or a counter that went backwards (the driver reloaded): nothing
        assertEquals(List.of(), DOCTOR.run(before, NodeSample.between(before, before, 10), Map.of()));
        assertEquals(List.of(), DOCTOR.run(after, null, Map.of()));
        assertEquals(List.of(), DOCTOR.run(before, NodeSample.between(after, before, 10), Map.of()));
        // below one a second: nothing
        NodeReport few = host(port(mlx5(105, 0, 0, 0)));
        assertEquals(List.of(), DOCTOR.run(few, NodeSample.between(before, few, 10), Map.of()));
    }

    @Test
    void transmitDropsPointAtTheRings() {
        NodeReport before = host(port(mlx5(0, 10, 0, 0)));
        NodeReport after = host(port(mlx5(0, 40, 0, 0)));
        List<Finding> findings = DOCTOR.run(after, NodeSample.between(before, after, 10), Map.of());
        assertEquals(List.of("mlx5-transmit-dma-drops@ens1f0"), rules(findings));
        assertTrue(findings.get(0).explanation().contains("offloadctl rings IFACE"), findings.get(0).explanation());
    }

    @Test
    void anotherDriverWithTheSameCountersIsNotJudgedByMlx5sDocumentation() {
        InterfaceReport other = port(mlx5(0, 0, 0, 0));
        InterfaceReport ice = new InterfaceReport("ens1f0", InterfaceKind.physical, "ice", "1", "", "", 1500, 100000, null,
                counters(0, 0, 0, 0, 0), offloadsOn(), null, null, null, null, Map.of("tx_queue_dropped", 0L));
        InterfaceReport iceLater = new InterfaceReport("ens1f0", InterfaceKind.physical, "ice", "1", "", "", 1500, 100000, null,
                counters(0, 0, 0, 0, 0), offloadsOn(), null, null, null, null, Map.of("tx_queue_dropped", 500L));
        assertEquals(List.of(), DOCTOR.run(host(iceLater), NodeSample.between(host(ice), host(iceLater), 10), Map.of()));
        assertEquals(0, other.driverStatistics().get("tx_queue_dropped"));
    }

    @Test
    void countersStoredApartKeepTheDriverStatistics() {
        NodeReport report = host(port(mlx5(7, 8, 1, 2)));
        NodeCounters counters = NodeCounters.of(report);
        assertEquals(Map.of("rx_oversize_pkts_sw_drop", 7L, "tx_queue_dropped", 8L), counters.driverStatistics().get("ens1f0"));
        NodeReport restored = counters.applyTo(report.withoutCounters());
        assertEquals(report.interfaces().get(0).driverStatistics(), restored.interfaces().get(0).driverStatistics());
        assertEquals(Map.of(), report.withoutCounters().interfaces().get(0).driverStatistics());
    }

    @Test
    void theRuleBookRefusesWhatCannotBeADriverStatistic() {
        assertTrue(refusal("{names: [], perSecondAtLeast: 1}").contains("needs at least one name"));
        assertTrue(refusal("{names: ['*'], perSecondAtLeast: 1}").contains("is no ethtool -S name"));
        assertTrue(refusal("{names: [an_ethtool_statistic_name_of_32_bytes], perSecondAtLeast: 1}").contains("is no ethtool -S name"));
        assertTrue(refusal("{names: [tx_queue_dropped], perSecondAtLeast: 0}").contains("must be a rate above 0"));
        assertTrue(refusal("{names: [tx_queue_dropped], perSecond: 1}").contains("perSecond"));
    }

    private static String refusal(String condition) {
        String yaml = "rules:\n  - id: t\n    title: t\n    severity: info\n    when:\n      - driverStatistics: " + condition
                + "\n    explanation: t\n    sources:\n      - {title: t, url: 'https://example.org'}\n";
        return assertThrows(IllegalArgumentException.class, () -> new RuleBookLoader()
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml")).getMessage();
    }
}
