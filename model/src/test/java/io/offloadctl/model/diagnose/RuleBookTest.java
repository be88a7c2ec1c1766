package io.offloadctl.model.diagnose;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.policy.DesiredFeature;
import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.PolicyMode;
import io.offloadctl.model.report.FeatureReport;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.report.TcpCounters;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in rules against node reports shaped like the field cases, and against the same
 * nodes once fixed or healthy: the fixed ones must produce no warning.
 */
class RuleBookTest {

    private static final Diagnosis DOCTOR = new Diagnosis(RuleBook.builtIn());

    /** A NIC-like interface with the common offloads on, everything changeable. */
    static Map<String, FeatureReport> offloadsOn() {
        Map<String, FeatureReport> features = new TreeMap<>();
        for (String name : List.of("rx-checksum", "tx-checksum-ip-generic", "tx-scatter-gather", "tx-tcp-segmentation",
                "tx-tcp6-segmentation", "tx-generic-segmentation", "rx-gro", "rx-lro")) {
            features.put(name, new FeatureReport(!name.equals("rx-lro"), !name.equals("rx-lro"), true, false));
        }
        return features;
    }

    static Map<String, FeatureReport> with(Map<String, FeatureReport> features, String name, FeatureReport state) {
        Map<String, FeatureReport> changed = new TreeMap<>(features);
        changed.put(name, state);
        return changed;
    }

    static final FeatureReport ON = new FeatureReport(true, true, true, false);
    static final FeatureReport OFF = new FeatureReport(false, false, true, false);

    static InterfaceReport iface(String name, InterfaceKind kind, String driver, int mtu, String master,
                                 Map<String, FeatureReport> features) {
        return new InterfaceReport(name, kind, driver, "1.0", "", "", mtu, 10000, master, counters(0, 0, 0, 0, 0), features);
    }

    static Map<String, Long> counters(long rxPackets, long rxBytes, long txPackets, long txBytes, long rxDropped) {
        Map<String, Long> counters = new HashMap<>();
        counters.put("rx_packets", rxPackets);
        counters.put("rx_bytes", rxBytes);
        counters.put("tx_packets", txPackets);
        counters.put("tx_bytes", txBytes);
        counters.put("rx_dropped", rxDropped);
        counters.put("rx_errors", 0L);
        return counters;
    }

    static NodeReport node(Map<String, String> labels, InterfaceReport... interfaces) {
        return new NodeReport(labels, "6.18", "test", List.of(interfaces), false, new TcpCounters(0, 0));
    }

    static List<Finding> diagnose(NodeReport node) {
        return DOCTOR.run(node, null, Map.of());
    }

    static List<String> rules(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + "@" + f.interfaceName()).toList();
    }

    static boolean anyWarning(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(Severity.warning));
    }

    @Test
    void theBuiltInRulesLoadAndCoverTheFieldCases() {
        List<String> ids = RuleBook.builtIn().rules().stream().map(Rule::id).toList();
        assertTrue(ids.size() >= 20, ids.toString());
        RuleBook.builtIn().rules().forEach(rule -> {
            assertFalse(rule.explanation().isBlank(), rule.id());
            assertFalse(rule.sources().isEmpty(), rule.id());
            rule.sources().forEach(source -> assertTrue(source.url().matches("https?://[^ ]+") && !source.title().isBlank(),
                    rule.id() + ": " + source));
        });
    }

    @Test
    void seed000BroadcomBridgePortWithGroAndGso() {
        NodeReport harvester = node(Map.of(),
                iface("ens1f0np0", InterfaceKind.physical, "bnxt_en", 1500, "mgmt-br", offloadsOn()),
                iface("mgmt-br", InterfaceKind.bridge, "bridge", 1500, null, offloadsOn()));
        List<Finding> findings = diagnose(harvester);
        assertEquals(List.of("bnxt-gro-gso-bridged@ens1f0np0"), rules(findings));
        Finding finding = findings.get(0);
        assertEquals(Severity.warning, finding.severity());
        assertEquals("gso off gro off", finding.fix());
        assertEquals(Map.of("rx-gro", false, "tx-generic-segmentation", false), finding.recommend());
        assertTrue(finding.evidence().contains("driver bnxt_en"), finding.evidence().toString());
        assertTrue(finding.evidence().contains("port of bridge mgmt-br"), finding.evidence().toString());

        Map<String, FeatureReport> fixed = with(with(offloadsOn(), "rx-gro", OFF), "tx-generic-segmentation", OFF);
        assertEquals(List.of(), diagnose(node(Map.of(),
                iface("ens1f0np0", InterfaceKind.physical, "bnxt_en", 1500, "mgmt-br", fixed),
                iface("mgmt-br", InterfaceKind.bridge, "bridge", 1500, null, offloadsOn()))));
        assertEquals(List.of(), diagnose(node(Map.of(),
                iface("ens1f0np0", InterfaceKind.physical, "bnxt_en", 1500, null, offloadsOn()))), "not bridged: no finding");
    }

    @Test
    void seed001HostSideOfVirtioGuestsIsAdviceNotAWarning() {
        NodeReport kvm = node(Map.of(),
                iface("eno1", InterfaceKind.physical, "igb", 1500, "br0", offloadsOn()),
                iface("br0", InterfaceKind.bridge, "bridge", 1500, null, offloadsOn()),
                iface("vnet0", InterfaceKind.tap, "tun", 1500, "br0", offloadsOn()));
        List<Finding> findings = diagnose(kvm);
        assertEquals(List.of("virtio-host-segmentation@br0", "virtio-host-segmentation@vnet0"), rules(findings));
        assertEquals(Severity.info, findings.get(0).severity());
        assertTrue(findings.get(0).evidence().get(1).contains("vnet0 (tap)"), findings.get(0).evidence().toString());
        assertEquals(Map.of("tx-generic-segmentation", false, "tx-tcp-segmentation", false, "tx-tcp6-segmentation", false),
                findings.get(0).recommend());
    }

    @Test
    void seed002HyperVGuestWithJumboMtuAndLro() {
        Map<String, FeatureReport> lroOn = with(offloadsOn(), "rx-lro", ON);
        NodeReport guest = node(Map.of(), iface("eth0", InterfaceKind.physical, "hv_netvsc", 9000, null, lroOn));
        List<Finding> findings = diagnose(guest);
        assertEquals(List.of("hv-netvsc-jumbo-lro@eth0"), rules(findings));
        assertEquals("lro off", findings.get(0).fix());
        assertTrue(findings.get(0).evidence().contains("MTU 9000 (above 2850)"), findings.get(0).evidence().toString());
        assertEquals(List.of(), diagnose(node(Map.of(), iface("eth0", InterfaceKind.physical, "hv_netvsc", 2850, null, lroOn))),
                "2850 is still fine");
        assertEquals(List.of(), diagnose(node(Map.of(), iface("eth0", InterfaceKind.physical, "hv_netvsc", 9000, null, offloadsOn()))));
    }

    @Test
    void seed003Vmxnet3WithJumboFramesAndLargeSend() {
        NodeReport guest = node(Map.of(), iface("ens192", InterfaceKind.physical, "vmxnet3", 9000, null, offloadsOn()));
        List<Finding> findings = diagnose(guest);
        assertEquals(List.of("vmxnet3-jumbo-lso@ens192"), rules(findings));
        assertEquals(Map.of("tx-tcp-segmentation", false, "tx-tcp6-segmentation", false), findings.get(0).recommend());
        assertEquals(List.of(), diagnose(node(Map.of(), iface("ens192", InterfaceKind.physical, "vmxnet3", 1500, null, offloadsOn()))));
    }

    @Test
    void lroOnAForwardingInterface() {
        Map<String, FeatureReport> lroOn = with(offloadsOn(), "rx-lro", ON);
        assertEquals(List.of("lro-while-forwarding@eno1"), rules(diagnose(node(Map.of(),
                iface("eno1", InterfaceKind.physical, "ixgbe", 1500, "br0", lroOn),
                iface("br0", InterfaceKind.bridge, "bridge", 1500, null, offloadsOn())))));
        NodeReport router = new NodeReport(Map.of(), "6.18", "t", List.of(iface("eno1", InterfaceKind.physical, "ixgbe", 1500, null, lroOn)),
                true, null);
        List<Finding> routed = diagnose(router);
        assertEquals(List.of("lro-while-forwarding@eno1"), rules(routed));
        assertTrue(routed.get(0).evidence().get(0).contains("ip_forward"), routed.get(0).evidence().toString());
        assertEquals(List.of(), diagnose(node(Map.of(), iface("eno1", InterfaceKind.physical, "ixgbe", 1500, null, lroOn))),
                "LRO on an end host that does not forward is fine");
    }

    @Test
    void aPortWhoseMtuIsBelowAnotherPortsOfTheSameBridge() {
        List<Finding> findings = diagnose(node(Map.of(),
                iface("eno1", InterfaceKind.physical, "ixgbe", 9000, "br0", offloadsOn()),
                iface("tap0", InterfaceKind.tap, "tun", 1500, "br0", offloadsOn()),
                iface("br0", InterfaceKind.bridge, "bridge", 9000, null, offloadsOn())));
        assertEquals(List.of("bridge-port-mtu-mismatch@tap0"), rules(findings.stream().filter(f -> f.severity() == Severity.warning).toList()));
        Finding finding = findings.stream().filter(f -> f.rule().equals("bridge-port-mtu-mismatch")).findFirst().orElseThrow();
        assertNull(finding.fix(), "nothing to set: the MTU is the fix");
        assertEquals("MTU 1500, below port eno1 of br0 (MTU 9000)", finding.evidence().get(1));
        // Was a false alarm: both ports agree and only the bridge device differs. is_skb_forwardable() checks the egress port.
        assertFalse(anyWarning(diagnose(node(Map.of(),
                iface("eno1", InterfaceKind.physical, "ixgbe", 9000, "br0", offloadsOn()),
                iface("eno2", InterfaceKind.physical, "ixgbe", 9000, "br0", offloadsOn()),
                iface("br0", InterfaceKind.bridge, "bridge", 1500, null, offloadsOn())))));
    }

    @Test
    void sgOffIsAKnownWorkaroundNotAWarningAndNothingIsRecommendedBack() {
        Map<String, FeatureReport> features = with(offloadsOn(), "tx-scatter-gather", OFF);
        features.put("tx-tcp-segmentation", new FeatureReport(false, true, true, false));
        features.put("tx-tcp6-segmentation", new FeatureReport(false, true, true, false));
        List<Finding> findings = diagnose(node(Map.of(), iface("eno1", InterfaceKind.physical, "ixgbe", 1500, null, features)));
        assertEquals(List.of("sg-off-drops-segmentation@eno1"), rules(findings));
        assertEquals(Severity.info, findings.get(0).severity(), "TSO lost costs CPU, it does not break throughput");
        assertNull(findings.get(0).fix(), "never a reason to undo sg off");
        assertEquals(List.of("scatter-gather: off", "tcp-segmentation-offload: off (tx-tcp-segmentation: off [requested on], "
                + "tx-tcp6-segmentation: off [requested on])"), findings.get(0).evidence(), "in ethtool's words");
        Map<String, FeatureReport> deliberate = with(features, "tx-tcp-segmentation", OFF);
        deliberate.put("tx-tcp6-segmentation", OFF);
        assertEquals(List.of(), diagnose(node(Map.of(), iface("eno1", InterfaceKind.physical, "ixgbe", 1500, null, deliberate))));
    }

    @Test
    void aPolicyThatWantsAFixedFeature() {
        Map<String, FeatureReport> features = with(offloadsOn(), "rx-lro", new FeatureReport(false, false, false, true));
        NodeReport node = node(Map.of(), iface("veth0", InterfaceKind.veth, "veth", 1500, null, features));
        DesiredInterface desired = new DesiredInterface("veth0", Map.of("rx-lro", new DesiredFeature(true, "lro-everywhere", PolicyMode.enforce)));
        List<Finding> findings = DOCTOR.run(node, null, Map.of("veth0", desired));
        assertEquals(List.of("policy-wants-fixed-feature@veth0"), rules(findings));
        assertTrue(findings.get(0).evidence().get(0).contains("policy 'lro-everywhere' wants rx-lro on"), findings.get(0).evidence().toString());
        assertEquals(List.of(), DOCTOR.run(node, null, Map.of("veth0", new DesiredInterface("veth0",
                Map.of("rx-gro", new DesiredFeature(true, "p", PolicyMode.enforce))))));
    }

    @Test
    void symptomsNeedASampleAndTrafficInTheirDirection() {
        InterfaceReport idle = iface("eno1", InterfaceKind.physical, "ixgbe", 1500, null, offloadsOn());
        NodeReport before = new NodeReport(Map.of(), "6.18", "t", List.of(idle), false, new TcpCounters(10_000, 10));
        // 5 s: 50 MB in as 100-byte packets; 2 MB out; 300 of 1,000 sent segments retransmitted; 2,000 drops
        InterfaceReport busy = new InterfaceReport("eno1", InterfaceKind.physical, "ixgbe", "1", "", "", 1500, 10000, null,
                counters(500_000, 50_000_000, 20_000, 2_000_000, 2_000), offloadsOn());
        NodeReport after = new NodeReport(Map.of(), "6.18", "t", List.of(busy), false, new TcpCounters(11_000, 310));
        NodeSample sample = NodeSample.between(before, after, 5);
        assertEquals(Map.of("eno1", new InterfaceRates(100_000, 10_000_000, 4_000, 400_000, 400, 0)), sample.interfaces());
        List<Finding> findings = DOCTOR.run(after, sample, Map.of());
        assertEquals(List.of("rising-receive-drops@eno1", "small-received-packets@eno1", "tcp-retransmissions-segmentation@eno1"),
                rules(findings));
        Finding tcp = findings.get(2);
        assertTrue(tcp.evidence().get(0).startsWith("300 of 1300 TCP segments sent were retransmissions (23.1%)"), tcp.evidence().toString());
        assertTrue(tcp.evidence().get(1).contains("on a 10.00 Gbit/s link"), tcp.evidence().toString());
        assertEquals(List.of(), DOCTOR.run(after, null, Map.of()), "lifetime totals are not symptoms");

        // a healthy bulk receiver: full-size packets, no drops, no retransmissions; and its ACK-sending peer
        InterfaceReport receiver = new InterfaceReport("eno1", InterfaceKind.physical, "ixgbe", "1", "", "", 1500, 10000, null,
                counters(400_000, 580_000_000, 200_000, 13_000_000, 0), offloadsOn());
        NodeReport healthy = new NodeReport(Map.of(), "6.18", "t", List.of(receiver), false, new TcpCounters(210_000, 10));
        assertEquals(List.of(), DOCTOR.run(healthy, NodeSample.between(before, healthy, 5), Map.of()));
        InterfaceReport acks = new InterfaceReport("eno1", InterfaceKind.physical, "ixgbe", "1", "", "", 1500, 10000, null,
                counters(200_000, 13_000_000, 400_000, 580_000_000, 0), offloadsOn());
        NodeReport sender = new NodeReport(Map.of(), "6.18", "t", List.of(acks), false, new TcpCounters(410_000, 30));
        assertEquals(List.of(), DOCTOR.run(sender, NodeSample.between(before, sender, 5), Map.of()),
                "small ACKs coming back to a sender are normal");
    }

    @Test
    void loopbackIsNeverDiagnosed() {
        Map<String, FeatureReport> lroOn = with(offloadsOn(), "rx-lro", ON);
        NodeReport router = new NodeReport(Map.of(), "6.18", "t", List.of(iface("lo", InterfaceKind.loopback, null, 65536, null, lroOn)),
                true, null);
        assertEquals(List.of(), diagnose(router));
    }

    @Test
    void badRuleFilesAreRefusedWithRuleAndKey() {
        assertEquals("test.yaml: rule 'r': unknown condition 'driver'; known: anyFeature, checksumErrorsAtLeast, desiredFixed, "
                + "driverStatistics, drivers, features, forwarding, hasPortsOf, kernelAtLeast, kernelBelow, kinds, mtuAbove, mtuBelowAnotherPort, "
                + "nodeHasKinds, portOf, roles, sample, tcp", loadError("""
                rules:
                  - id: r
                    title: t
                    severity: warning
                    when: [{driver: [x]}]
                    explanation: e
                """));
        assertEquals("test.yaml: rule 'r': unknown feature 'grow'", loadError("""
                rules:
                  - {id: r, title: t, severity: warning, explanation: e, when: [{features: {grow: on}}]}
                """));
        assertEquals("test.yaml: rule 'r': feature state 'maybe' of gro is not one of on, off, wanted-but-off, requested-off",
                loadError("rules: [{id: r, title: t, severity: warning, explanation: e, when: [{features: {gro: maybe}}]}]"));
        assertEquals("test.yaml: rule 'r': severity must be info, warning or critical, not 'loud'",
                loadError("rules: [{id: r, title: t, severity: loud, explanation: e, when: [{kinds: [veth]}]}]"));
        assertEquals("test.yaml: rule 'r': rule id 'r' is used twice", loadError("""
                rules:
                  - {id: r, title: t, severity: info, explanation: e, when: [{kinds: [veth]}], sources: [{title: s, url: "https://a"}]}
                  - {id: r, title: t, severity: info, explanation: e, when: [{kinds: [tap]}], sources: [{title: s, url: "https://a"}]}
                """));
        assertEquals("test.yaml: rule 'r': 'sources' needs at least one public source",
                loadError("rules: [{id: r, title: t, severity: info, explanation: e, when: [{kinds: [veth]}], sources: []}]"));
        assertEquals("test.yaml: rule 'r': source url 'field report 000' is not a public http(s) address", loadError(
                "rules: [{id: r, title: t, severity: info, explanation: e, when: [{kinds: [veth]}], sources: [{title: s, url: field report 000}]}]"));
        assertEquals("test.yaml: rule 'r': a kernel version is text: \"major.minor\" (\"5.7\"), not '5.7'", loadError(
                "rules: [{id: r, title: t, severity: info, explanation: e, when: [{kernelBelow: 5.7}], sources: [{title: s, url: \"https://a\"}]}]"));
        assertEquals("test.yaml: rule 'r': unknown interface kind 'nic'",
                loadError("rules: [{id: r, title: t, severity: info, explanation: e, when: [{kinds: [nic]}]}]"));
    }

    private static String loadError(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> new RuleBookLoader()
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml")).getMessage();
    }
}
