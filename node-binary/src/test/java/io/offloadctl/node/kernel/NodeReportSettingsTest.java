package io.offloadctl.node.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.offloadctl.model.diagnose.RuleBook;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.node.testing.TestNamespace;

/**
 * What a node report carries beyond features, channels and limits, against ethtool on the lab: the
 * rings and coalescing each driver reports (none where it has none), and of the driver statistics
 * exactly those asked for, each the total of what its name matches.
 */
@Tag("ffi")
class NodeReportSettingsTest {

    static TestNamespace lab;

    @BeforeAll
    static void createLab() {
        lab = TestNamespace.createLab("nrep");
        lab.ip("link", "add", "q2a", "numrxqueues", "2", "numtxqueues", "2", "type", "veth", "peer", "name", "q2b",
                "numrxqueues", "2", "numtxqueues", "2");
        lab.exec("ethtool", "-C", "tap0", "rx-frames", "6").orFail();
    }

    @AfterAll
    static void removeLab() {
        lab.close();
    }

    private static Map<String, InterfaceReport> read(Set<String> statistics) {
        try (KernelSession session = KernelSession.open(NetworkNamespace.resolve(lab.name()))) {
            NodeReport report = new NodeStateReader(session, statistics).read(Map.of(), null);
            Map<String, InterfaceReport> byName = new java.util.TreeMap<>();
            report.interfaces().forEach(i -> byName.put(i.name(), i));
            return byName;
        }
    }

    /** One counter of ethtool -S IFACE. */
    private static long ethtoolStatistic(String iface, String name) {
        String out = lab.exec("ethtool", "-S", iface).orFail().out();
        Matcher m = Pattern.compile("^\\s+" + Pattern.quote(name) + ": (\\d+)$", Pattern.MULTILINE).matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    @Test
    void ringsAndCoalescingAreWhatEthtoolShowsAndAbsentWhereTheDriverHasNone() {
        Map<String, InterfaceReport> report = read(Set.of());
        assertEquals(Map.of(CoalesceParameter.rx_frames, 6L), report.get("tap0").coalesce());
        assertTrue(lab.exec("ethtool", "-c", "tap0").orFail().out().contains("\nrx-frames: 6\n"));
        for (String iface : new String[] {"va", "vb", "br0", "ifb0", "tap0", "lo"}) {
            assertEquals(Map.of(), report.get(iface).rings(), iface + ": ethtool -g refuses it");
            assertEquals(lab.exec("ethtool", "-g", iface).exitCode() == 0, !report.get(iface).rings().isEmpty(), iface);
            assertEquals(lab.exec("ethtool", "-c", iface).exitCode() == 0, !report.get(iface).coalesce().isEmpty(), iface);
            assertEquals(Map.of(), report.get(iface).driverStatistics(), "none asked for");
        }
    }

    @Test
    void driverStatisticsAreTheTotalsOfWhatEachNameMatches() {
        Map<String, InterfaceReport> report = read(Set.of("peer_ifindex", "rx_queue_*_drops", "tx_queue_*_xdp_xmit", "octl_none"));
        InterfaceReport q2a = report.get("q2a");
        assertEquals(ethtoolStatistic("q2a", "peer_ifindex"), q2a.driverStatistics().get("peer_ifindex"));
        assertEquals(ethtoolStatistic("q2a", "rx_queue_0_drops") + ethtoolStatistic("q2a", "rx_queue_1_drops"),
                q2a.driverStatistics().get("rx_queue_*_drops"), "both queues'");
        assertEquals(Set.of("peer_ifindex", "rx_queue_*_drops", "tx_queue_*_xdp_xmit"), q2a.driverStatistics().keySet(),
                "a name that matches nothing is left out");
        assertEquals(Map.of(), report.get("br0").driverStatistics(), "a bridge has no driver statistics");
        // the rules' own names: veth has none of mlx5's
        assertEquals(Map.of(), read(RuleBook.builtIn().driverStatisticNames()).get("q2a").driverStatistics());
    }
}
