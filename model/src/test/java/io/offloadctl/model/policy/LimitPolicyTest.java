package io.offloadctl.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.KernelFeatureNames;
import io.offloadctl.model.persist.PersistFormat;
import io.offloadctl.model.persist.PersistPlan;
import io.offloadctl.model.persist.PersistPlans;
import io.offloadctl.model.persist.PersistRenderer;
import io.offloadctl.model.persist.PersistTarget;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.RingParameter;
import io.offloadctl.model.settings.LimitRequest;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.model.settings.SettingsRequest;

/** Size limits (gso_max_size, ...) through the policy model: desired state, the one comparison, the plan, validation, persistence. */
class LimitPolicyTest {

    /** What a veth reports on Linux 6.18 (ip -d link): tso_max_size 524280. */
    static Map<LinkLimit, Long> vethLimits() {
        Map<LinkLimit, Long> limits = new EnumMap<>(LinkLimit.class);
        limits.putAll(Map.of(LinkLimit.gso_max_size, 65536L, LinkLimit.gso_max_segs, 65535L, LinkLimit.tso_max_size, 524280L,
                LinkLimit.tso_max_segs, 65535L, LinkLimit.gro_max_size, 65536L, LinkLimit.gso_ipv4_max_size, 65536L,
                LinkLimit.gro_ipv4_max_size, 65536L));
        return limits;
    }

    static InterfaceReport port(String name, Map<LinkLimit, Long> limits) {
        return new InterfaceReport(name, InterfaceKind.veth, "veth", "1", "", "", 1500, 10000, "br0", Map.of(),
                Map.of("rx-gro", PolicyModelTest.ON), null, limits);
    }

    static final NodeReport NODE = new NodeReport(Map.of(), "6.18", "0.1", List.of(port("vb", vethLimits()), port("old", Map.of())));

    static Policy policy(String name, int priority, LimitRequest limits) {
        return PolicyNormalizer.normalize(new Policy(name, "", priority, PolicyMode.enforce,
                new Selector(null, null, null, null, null, List.of("br0")), Map.of(), RemovalAction.keep, null, null, limits));
    }

    @Test
    void limitsAreDecidedComparedAndPlannedLikeTheOtherSettings() {
        Policy small = policy("small", 10, new LimitRequest(16384L, null, 32768L, null, null));
        Policy big = policy("big", 10, new LimitRequest(null, null, 65536L, null, null));
        Policy beyond = policy("beyond", 1, new LimitRequest(null, null, null, 600000L, null));
        DesiredState desired = DesiredStateCalculator.calculate(NODE, List.of(small, big, beyond));
        DesiredInterface vb = desired.interfaces().get(1);
        assertEquals("vb", vb.name());
        assertEquals(Map.of(LinkLimit.gso_max_size, new DesiredCount(16384, "small", PolicyMode.enforce, List.of()),
                LinkLimit.gso_ipv4_max_size, new DesiredCount(600000, "beyond", PolicyMode.enforce, List.of())), vb.limits());
        assertTrue(desired.conflicts().contains(new PolicyConflict("vb", "limits.gro_max_size", 10, Map.of("small", 32768L, "big", 65536L))),
                desired.conflicts().toString());

        Map<String, InterfaceCompliance> byName = new TreeMap<>();
        ComplianceEvaluator.evaluate(NODE, desired).forEach(c -> byName.put(c.name(), c));
        assertEquals(List.of(
                new Deviation("limits.gso_max_size", 16384L, 65536L, ComplianceStatus.drifted, "small", PolicyMode.enforce, null),
                new Deviation("limits.gso_ipv4_max_size", 600000L, 65536L, ComplianceStatus.unenforceable, "beyond", PolicyMode.enforce,
                        "gso_ipv4_max_size 600000 exceeds the tso_max_size of 'vb', 524280")), byName.get("vb").deviations());
        assertEquals("the kernel reports no gso_max_size for 'old'", byName.get("old").deviations().get(0).reason());

        Map<String, SettingsRequest> plan = EnforcementPlanner.plan(desired.interfaces(), NODE);
        assertEquals(Map.of(LinkLimit.gso_max_size, 16384L), plan.get("vb").limits(), "beyond the driver's maximum is not planned");
        assertFalse(plan.containsKey("old"));
        assertEquals(Map.of("limits.gso_max_size", 16384L), plan.get("vb").settings());
        assertEquals(plan.get("vb"), SettingsRequest.of(plan.get("vb").settings()), "setting names travel both ways");
    }

    @Test
    void asDesiredIsCompliantAndGroSizesAreBoundByTheKernel() {
        Map<LinkLimit, Long> set = vethLimits();
        set.put(LinkLimit.gro_max_size, 32768L);
        NodeReport node = new NodeReport(Map.of(), "6.18", "0.1", List.of(port("vb", set)));
        DesiredState desired = DesiredStateCalculator.calculate(node, List.of(policy("p", 0, new LimitRequest(null, null, 32768L, null, null))));
        assertEquals(ComplianceStatus.compliant, ComplianceEvaluator.evaluate(node, desired).get(0).status());
        assertEquals("gro_max_size 524281 exceeds the kernel's GRO_MAX_SIZE of 'vb', 524280",
                LinkLimit.gro_max_size.refusal("vb", 524281, set).orElseThrow());
        assertEquals(Map.of(), new LimitRequest(null, null, null, null, null).values());
    }

    @Test
    void policiesNameLimitsAloneAndValuesAreChecked() {
        Policy limitsOnly = policy("l", 0, new LimitRequest(65536L, 64L, null, null, null));
        assertEquals(Map.of(LinkLimit.gso_max_size, 65536L, LinkLimit.gso_max_segs, 64L), limitsOnly.limitValues());
        ValidationException wrong = assertThrows(ValidationException.class,
                () -> policy("n", 0, new LimitRequest(-1L, 70000L, 524281L, 4294967296L, null)));
        assertEquals(List.of("limits.gso_max_size", "limits.gso_max_segs", "limits.gro_max_size", "limits.gso_ipv4_max_size"),
                wrong.violations().stream().map(Violation::field).toList());
        assertEquals("must be between 0 and 524280", wrong.violations().get(2).message());
    }

    @Test
    void limitsArePersistedByEveryFormatAndSaidWhereOneCannot() {
        PersistPlan plan = new PersistPlan("n", Map.of(), List.of(new PersistPlan.Item(PersistTarget.named("vb"), Map.of(), Map.of(),
                Map.of(LinkLimit.gso_max_size, 16384L, LinkLimit.gro_ipv4_max_size, 32768L))));
        Map<PersistFormat, List<String>> expected = Map.of(
                PersistFormat.SHELL, List.of("/usr/local/bin/offloadctl limits vb gso_max_size 16384 gro_ipv4_max_size 32768 || status=1\n"),
                PersistFormat.SYSTEMD, List.of("ExecStart=/usr/local/bin/offloadctl limits vb gso_max_size 16384 gro_ipv4_max_size 32768\n"),
                PersistFormat.UDEV, List.of("RUN+=\"/usr/local/bin/offloadctl limits %k gso_max_size 16384 gro_ipv4_max_size 32768\"\n"),
                PersistFormat.NETWORKD, List.of("GenericSegmentOffloadMaxBytes=16384\n",
                        "# settings a .link file cannot express (use the systemd or udev form): gro_ipv4_max_size 32768\n"),
                PersistFormat.NETWORKMANAGER, List.of("link.gso-max-size 16384", "# NetworkManager has no property for: gro_ipv4_max_size\n",
                        "need NetworkManager 1.44 or later"),
                PersistFormat.HARVESTER_CLOUDINIT, List.of("- '/sbin/ip link set dev vb gso_max_size 16384 gro_ipv4_max_size 32768'\n"));
        expected.forEach((format, lines) -> {
            String rendered = PersistRenderer.of(format, PersistPlans.commands(format, null, null)).render(plan);
            lines.forEach(line -> assertTrue(rendered.contains(line), format + " lacks [" + line + "]:\n" + rendered));
        });
    }

    /**
     * Every key the networkd renderer writes is one systemd 252's udev knows: a key it does not know is
     * ignored with a warning while we would believe it expressed (PartialSegmentationOffload= was one).
     */
    @Test
    void everyLinkFileKeyIsOneSystemdKnows() throws IOException {
        Set<String> linkKeys = new TreeSet<>();
        Set<String> matchKeys = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/systemd/link-keys-252.txt")) {
            Set<String> into = linkKeys;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.equals("[Match]")) {
                    into = matchKeys;
                } else if (!line.startsWith("#") && !line.isBlank()) {
                    into.add(line);
                }
            }
        }
        Map<String, Boolean> everyFeature = new TreeMap<>();
        // Every feature the renderer takes (it refuses names outside [a-z0-9-], such as rx-udp_tunnel-port-offload, as unsafe).
        KernelFeatureNames.all().stream().filter(f -> f.matches("[a-z0-9-]+")).forEach(feature -> everyFeature.put(feature, false));
        Map<ChannelKind, Integer> everyKind = new EnumMap<>(ChannelKind.class);
        for (ChannelKind kind : ChannelKind.values()) {
            everyKind.put(kind, 1);
        }
        Map<LinkLimit, Long> everyLimit = new EnumMap<>(LinkLimit.class);
        for (LinkLimit limit : LinkLimit.values()) {
            if (limit.settable()) {
                everyLimit.put(limit, 16384L);
            }
        }
        Map<RingParameter, Long> everyRing = new EnumMap<>(RingParameter.class);
        for (RingParameter ring : RingParameter.values()) {
            if (ring.settable()) {
                everyRing.put(ring, 1L);
            }
        }
        Map<CoalesceParameter, Long> everyCoalescing = new EnumMap<>(CoalesceParameter.class);
        for (CoalesceParameter parameter : CoalesceParameter.values()) {
            everyCoalescing.put(parameter, 1L);
        }
        Map<PauseParameter, Long> everyPause = new EnumMap<>(PauseParameter.class);
        for (PauseParameter parameter : PauseParameter.values()) {
            everyPause.put(parameter, 1L);
        }
        PersistPlan plan = new PersistPlan("n", Map.of(), List.of(new PersistPlan.Item(PersistTarget.matching("en*", List.of("bnxt_en")),
                everyFeature, everyKind, everyLimit, everyRing, everyCoalescing, everyPause)));
        String rendered = PersistRenderer.of(PersistFormat.NETWORKD, PersistPlans.commands(PersistFormat.NETWORKD, null, null)).render(plan);
        List<String> unknown = new ArrayList<>();
        Set<String> section = Set.of();
        int keys = 0;
        for (String line : rendered.lines().toList()) {
            if (line.equals("[Match]") || line.equals("[Link]")) {
                section = line.equals("[Match]") ? matchKeys : linkKeys;
            } else if (!line.startsWith("#") && line.contains("=")) {
                keys++;
                if (!section.contains(line.substring(0, line.indexOf('=')))) {
                    unknown.add(line);
                }
            }
        }
        assertEquals(List.of(), unknown, rendered);
        assertTrue(keys > 20, "the plan exercised the renderer: " + rendered);
        assertTrue(rendered.contains("UDPSegmentationOffload=no\n"), rendered);
        assertTrue(rendered.contains("GenericSegmentOffloadMaxSegments=16384\n"), rendered);
        assertTrue(rendered.contains("RxBufferSize=1\n") && rendered.contains("RxCoalesceSec=1us\n")
                && rendered.contains("UseAdaptiveTxCoalesce=yes\n") && rendered.contains("CoalescePacketRateSampleIntervalSec=1s\n"), rendered);
        assertTrue(rendered.contains("AutoNegotiationFlowControl=yes\nRxFlowControl=yes\nTxFlowControl=yes\n"), rendered);
        assertTrue(rendered.contains("# settings a .link file cannot express (use the systemd or udev form): gro_max_size 16384, "
                + "gso_ipv4_max_size 16384, gro_ipv4_max_size 16384, rings.rx_buf_len 1, rings.cqe_size 1, rings.tx_push 1, "
                + "coalesce.cqe_mode_tx 1, coalesce.cqe_mode_rx 1\n"), rendered);
    }
}
