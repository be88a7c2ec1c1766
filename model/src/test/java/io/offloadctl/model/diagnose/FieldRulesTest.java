package io.offloadctl.model.diagnose;

import static io.offloadctl.model.diagnose.RuleBookTest.OFF;
import static io.offloadctl.model.diagnose.RuleBookTest.ON;
import static io.offloadctl.model.diagnose.RuleBookTest.counters;
import static io.offloadctl.model.diagnose.RuleBookTest.iface;
import static io.offloadctl.model.diagnose.RuleBookTest.offloadsOn;
import static io.offloadctl.model.diagnose.RuleBookTest.rules;
import static io.offloadctl.model.diagnose.RuleBookTest.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.report.FeatureReport;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.report.TcpCounters;
import io.offloadctl.model.report.UdpCounters;

/**
 * The rules written from the field's public reports beyond the seeds, each against the host it was
 * written for and against a healthy twin that must not match; and the false alarms of earlier rules
 * (a jumbo-frame host receiving full-size frames from MTU 1500 clients).
 */
class FieldRulesTest {

    private static final Diagnosis DOCTOR = new Diagnosis(RuleBook.builtIn());

    static NodeReport host(String kernel, InterfaceReport... interfaces) {
        return new NodeReport(Map.of(), kernel, "t", List.of(interfaces), false, new TcpCounters(0, 0, 0L), null,
                new UdpCounters(0, 0));
    }

    static List<String> matched(String rule, NodeReport node) {
        return rules(DOCTOR.run(node, null, Map.of())).stream().filter(r -> r.startsWith(rule + "@")).toList();
    }

    static Map<String, FeatureReport> tunnelOffloads() {
        Map<String, FeatureReport> features = new TreeMap<>(offloadsOn());
        features.put("tx-udp_tnl-segmentation", ON);
        features.put("tx-udp_tnl-csum-segmentation", ON);
        return features;
    }

    /** A node that received {@code errors} bad checksums over 10 s. */
    static NodeSample checksums(NodeReport before, NodeReport after) {
        return NodeSample.between(before, after, 10);
    }

    @Test
    void vxlanOnAKernelBelow57WithTransmitChecksumOffload() {
        InterfaceReport vxlan = iface("vxlan.calico", InterfaceKind.vxlan, "vxlan", 1450, null, offloadsOn());
        assertEquals(List.of("vxlan-tx-checksum-old-kernel@vxlan.calico"), matched("vxlan-tx-checksum-old-kernel",
                host("5.4.0-150-generic", vxlan)));
        Finding finding = DOCTOR.run(host("5.4.0-150-generic", vxlan), null, Map.of()).get(0);
        assertEquals("tx off", finding.fix(), "the only tx-checksum member the device has: ethtool's tx covers it");
        assertTrue(finding.evidence().contains("kernel 5.4.0-150-generic (below 5.7)"), finding.evidence().toString());
        assertEquals(List.of(), matched("vxlan-tx-checksum-old-kernel", host("6.8.0-45-generic", vxlan)), "fixed kernels");
        assertEquals(List.of(), matched("vxlan-tx-checksum-old-kernel", host("5.4.0", iface("vxlan.calico", InterfaceKind.vxlan,
                "vxlan", 1450, null, with(offloadsOn(), "tx-checksum-ip-generic", OFF)))), "already off, as Calico sets it");
        assertEquals(List.of(), matched("vxlan-tx-checksum-old-kernel", host("5.4.0", iface("eno1", InterfaceKind.physical,
                "ixgbe", 1500, null, offloadsOn()))), "not a tunnel");
    }

    @Test
    void badChecksumsArrivingWhileAVxlanDeviceOffloadsThem() {
        InterfaceReport vxlan = iface("flannel.1", InterfaceKind.vxlan, "vxlan", 1450, null, offloadsOn());
        NodeReport before = new NodeReport(Map.of(), "6.8", "t", List.of(vxlan), false, new TcpCounters(100, 0, 5L), null,
                new UdpCounters(1000, 10));
        NodeReport after = new NodeReport(Map.of(), "6.8", "t", List.of(vxlan), false, new TcpCounters(200, 0, 5L), null,
                new UdpCounters(2000, 40));
        List<Finding> findings = DOCTOR.run(after, checksums(before, after), Map.of());
        assertEquals(List.of("vxlan-checksum-errors@flannel.1"), rules(findings));
        assertTrue(findings.get(0).evidence().get(2).startsWith("30 segments and datagrams received with a bad checksum"),
                findings.get(0).evidence().toString());
        NodeReport clean = new NodeReport(Map.of(), "6.8", "t", List.of(vxlan), false, new TcpCounters(200, 0, 5L), null,
                new UdpCounters(2000, 10));
        assertEquals(List.of(), DOCTOR.run(clean, checksums(before, clean), Map.of()), "no bad checksums: offload stays");
        assertEquals(List.of(), DOCTOR.run(after, null, Map.of()), "lifetime totals are not symptoms");
    }

    @Test
    void vmxnet3WithVxlanTunnelOffloadUnderAVxlanOverlay() {
        InterfaceReport nic = iface("ens192", InterfaceKind.physical, "vmxnet3", 1500, null, tunnelOffloads());
        InterfaceReport vxlan = iface("vxlan.calico", InterfaceKind.vxlan, "vxlan", 1450, null, with(offloadsOn(), "tx-checksum-ip-generic", OFF));
        Finding finding = DOCTOR.run(host("6.8", nic, vxlan), null, Map.of()).stream()
                .filter(f -> f.rule().equals("vmxnet3-vxlan-tunnel-offload")).findFirst().orElseThrow();
        assertEquals("ens192", finding.interfaceName());
        assertTrue(finding.evidence().contains("the node has vxlan vxlan.calico"), finding.evidence().toString());
        assertEquals(List.of(), matched("vmxnet3-vxlan-tunnel-offload", host("6.8", nic)), "no overlay on the node");
        assertEquals(List.of(), matched("vmxnet3-vxlan-tunnel-offload", host("6.8", iface("ens192", InterfaceKind.physical, "vmxnet3",
                1500, null, with(with(tunnelOffloads(), "tx-udp_tnl-segmentation", OFF), "tx-udp_tnl-csum-segmentation", OFF)), vxlan)));
    }

    @Test
    void geneveDeviceWithTransmitChecksumOffload() {
        assertEquals(List.of("geneve-tx-checksum@genev_sys_6081"), matched("geneve-tx-checksum",
                host("6.8", iface("genev_sys_6081", InterfaceKind.geneve, "geneve", 1400, null, offloadsOn()))));
        assertEquals(List.of(), matched("geneve-tx-checksum", host("6.8", iface("genev_sys_6081", InterfaceKind.geneve, "geneve", 1400,
                null, with(offloadsOn(), "tx-checksum-ip-generic", OFF)))), "as Kube-OVN sets it");
        assertEquals(List.of(), matched("geneve-tx-checksum", host("6.8", iface("vxlan0", InterfaceKind.vxlan, "vxlan", 1450, null,
                offloadsOn()))), "another tunnel kind");
    }

    @Test
    void virtioHostAdviceIsSilentOnceTheTapsSegmentNoMore() {
        Map<String, FeatureReport> off = with(with(with(offloadsOn(), "tx-tcp-segmentation", OFF), "tx-tcp6-segmentation", OFF),
                "tx-generic-segmentation", OFF);
        assertEquals(List.of(), matched("virtio-host-segmentation", host("6.8",
                iface("eno1", InterfaceKind.physical, "igb", 1500, "br0", offloadsOn()),
                iface("br0", InterfaceKind.bridge, "bridge", 1500, null, off),
                iface("vnet0", InterfaceKind.tap, "tun", 1500, "br0", off))));
        assertEquals(List.of(), matched("virtio-host-segmentation", host("6.8",
                iface("br0", InterfaceKind.bridge, "bridge", 1500, null, offloadsOn()))), "a bridge without guests");
    }

    @Test
    void ipipTunnelWithTransmitChecksumOffload() {
        assertEquals(List.of("ipip-tunnel-tx-checksum@tunl0"), matched("ipip-tunnel-tx-checksum",
                host("5.10", iface("tunl0", InterfaceKind.ipip, "ipip", 1480, null, offloadsOn()))));
        assertEquals(List.of(), matched("ipip-tunnel-tx-checksum", host("5.10", iface("tunl0", InterfaceKind.ipip, "ipip", 1480, null,
                with(offloadsOn(), "tx-checksum-ip-generic", OFF)))));
    }

    @Test
    void xenGuestsAndTheirBackendInterfaces() {
        List<Finding> guest = DOCTOR.run(host("6.1", iface("eth0", InterfaceKind.physical, "xen_netfront", 1500, null, offloadsOn())),
                null, Map.of());
        assertEquals(List.of("xen-netfront-offloads@eth0"), rules(guest));
        assertEquals(Severity.info, guest.get(0).severity());
        assertEquals("tx off", guest.get(0).fix(), "ethtool's legacy name for exactly what changes");
        Map<String, FeatureReport> off = with(with(offloadsOn(), "tx-checksum-ip-generic", OFF), "tx-scatter-gather", OFF);
        assertEquals(List.of(), matched("xen-netfront-offloads", host("6.1", iface("eth0", InterfaceKind.physical, "xen_netfront", 1500,
                null, off))));

        NodeReport dom0 = host("6.1", iface("vif3.0", InterfaceKind.physical, "vif", 1500, "xenbr0", offloadsOn()),
                iface("xenbr0", InterfaceKind.bridge, "bridge", 1500, null, offloadsOn()));
        assertEquals(List.of("xen-netback-vif-bridged@vif3.0"), matched("xen-netback-vif-bridged", dom0));
        assertEquals(List.of(), matched("xen-netback-vif-bridged", host("6.1", iface("vif3.0", InterfaceKind.physical, "vif", 1500, null,
                offloadsOn()))), "not on a bridge");
    }

    @Test
    void e1000eWithSegmentationOffload() {
        assertEquals(List.of("e1000e-segmentation-hang@eno1"), matched("e1000e-segmentation-hang",
                host("6.8", iface("eno1", InterfaceKind.physical, "e1000e", 1500, null, offloadsOn()))));
        Map<String, FeatureReport> off = with(with(with(offloadsOn(), "tx-tcp-segmentation", OFF), "tx-tcp6-segmentation", OFF),
                "tx-generic-segmentation", OFF);
        assertEquals(List.of(), matched("e1000e-segmentation-hang", host("6.8", iface("eno1", InterfaceKind.physical, "e1000e", 1500,
                null, off))));
        assertEquals(List.of(), matched("e1000e-segmentation-hang", host("6.8", iface("eno1", InterfaceKind.physical, "igb", 1500,
                null, offloadsOn()))), "another Intel driver");
    }

    @Test
    void receiveChecksumOffGivesUpHardwareGro() {
        Map<String, FeatureReport> features = with(offloadsOn(), "rx-checksum", OFF);
        features.put("rx-gro-hw", new FeatureReport(false, true, true, false));
        List<Finding> findings = DOCTOR.run(host("6.8", iface("eno1", InterfaceKind.physical, "bnxt_en", 1500, null, features)), null, Map.of());
        assertEquals(List.of("rx-off-drops-gro-hw@eno1"), rules(findings));
        assertEquals(List.of("rx-checksumming: off", "rx-gro-hw: off [requested on]"), findings.get(0).evidence());
        features.put("rx-gro-hw", OFF);
        assertEquals(List.of(), matched("rx-off-drops-gro-hw", host("6.8", iface("eno1", InterfaceKind.physical, "bnxt_en", 1500, null,
                features))), "hardware GRO not wanted either");
    }

    @Test
    void badChecksumsOnAPhysicalInterfaceAreInformation() {
        InterfaceReport nic = iface("eno1", InterfaceKind.physical, "ixgbe", 1500, null, offloadsOn());
        NodeReport before = new NodeReport(Map.of(), "6.8", "t", List.of(nic), false, new TcpCounters(100, 0, 0L), null, null);
        NodeReport after = new NodeReport(Map.of(), "6.8", "t", List.of(nic), false, new TcpCounters(200, 0, 25L), null, null);
        List<Finding> findings = DOCTOR.run(after, NodeSample.between(before, after, 10), Map.of());
        assertEquals(List.of("checksum-errors-received@eno1"), rules(findings));
        assertEquals(Severity.info, findings.get(0).severity());
        NodeReport few = new NodeReport(Map.of(), "6.8", "t", List.of(nic), false, new TcpCounters(200, 0, 3L), null, null);
        assertEquals(List.of(), DOCTOR.run(few, NodeSample.between(before, few, 10), Map.of()));
    }

    @Test
    void aJumboFrameStorageServerReceivingFullFramesFromMtu1500ClientsIsHealthy() {
        // Was a false alarm: 1,448-byte frames on an MTU 9000 interface are below a quarter of its MTU; TCP never
        // sends more than the peer's MSS, so they are full-size.
        InterfaceReport idle = iface("eno1", InterfaceKind.physical, "ixgbe", 9000, null, offloadsOn());
        NodeReport before = new NodeReport(Map.of(), "6.8", "t", List.of(idle), false, new TcpCounters(0, 0));
        InterfaceReport receiving = new InterfaceReport("eno1", InterfaceKind.physical, "ixgbe", "1", "", "", 9000, 10000, null,
                counters(700_000, 1_013_600_000, 300_000, 20_000_000, 0), offloadsOn());
        NodeReport after = new NodeReport(Map.of(), "6.8", "t", List.of(receiving), false, new TcpCounters(300_000, 0));
        assertEquals(List.of(), DOCTOR.run(after, NodeSample.between(before, after, 10), Map.of()));
        // The same host receiving 200-byte packets is told, whatever its MTU.
        InterfaceReport cut = new InterfaceReport("eno1", InterfaceKind.physical, "ixgbe", "1", "", "", 9000, 10000, null,
                counters(700_000, 140_000_000, 300_000, 20_000_000, 0), offloadsOn());
        NodeReport small = new NodeReport(Map.of(), "6.8", "t", List.of(cut), false, new TcpCounters(300_000, 0));
        List<Finding> findings = DOCTOR.run(small, NodeSample.between(before, small, 10), Map.of());
        assertEquals(List.of("small-received-packets@eno1"), rules(findings));
        assertTrue(findings.get(0).evidence().get(0).contains("average received packet 200 bytes (below 512)"),
                findings.get(0).evidence().toString());
    }

    @Test
    void fixesAreInEthtoolsLegacyNamesWhereTheyCoverExactlyWhatChanges() {
        // tso on a bridge port whose mangleid member is fixed: 'tso off' does exactly what the member list would.
        Map<String, FeatureReport> features = with(offloadsOn(), "tx-tcp-mangleid-segmentation", new FeatureReport(false, false, false, true));
        features.put("tx-tcp-ecn-segmentation", OFF);
        Finding finding = DOCTOR.run(host("6.8", iface("ens192", InterfaceKind.physical, "vmxnet3", 9000, null, features)), null, Map.of())
                .stream().filter(f -> f.rule().equals("vmxnet3-jumbo-lso")).findFirst().orElseThrow();
        assertEquals("tso off", finding.fix());
        assertEquals(Map.of("tx-tcp-segmentation", false, "tx-tcp6-segmentation", false), finding.recommend());
        assertFalse(finding.evidence().stream().anyMatch(e -> e.contains("wanted-but-off") || e.contains("requested-off")));
    }
}
