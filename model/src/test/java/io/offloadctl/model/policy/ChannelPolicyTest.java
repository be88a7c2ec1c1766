package io.offloadctl.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.persist.PersistFormat;
import io.offloadctl.model.persist.PersistPlan;
import io.offloadctl.model.persist.PersistPlans;
import io.offloadctl.model.persist.PersistRenderer;
import io.offloadctl.model.report.AgentStatus;
import io.offloadctl.model.report.ContestedFeature;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.settings.ChannelCounts;
import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.ChannelRequest;
import io.offloadctl.model.settings.Channels;
import io.offloadctl.model.settings.SettingsRequest;

/** Channel counts through the policy model: desired state, conflicts, the one comparison, the plan, persistence. */
class ChannelPolicyTest {

    /** A veth-like port: rx and tx up to 4, 1 of each in use. */
    static final Channels FOUR_QUEUES = new Channels(new ChannelCounts(4, 4, 0, 0), new ChannelCounts(1, 1, 0, 0));

    static InterfaceReport port(String name, Channels channels) {
        return new InterfaceReport(name, InterfaceKind.veth, "veth", "1", "", "", 1500, 10000, "br0", Map.of(),
                Map.of("rx-gro", PolicyModelTest.ON), channels);
    }

    static final NodeReport NODE = new NodeReport(Map.of("role", "hypervisor"), "6.18", "0.1", List.of(
            port("vb", FOUR_QUEUES), port("vc", FOUR_QUEUES), port("tap0", null)));

    static Policy policy(String name, int priority, PolicyMode mode, Map<String, Boolean> features, ChannelRequest channels) {
        return PolicyNormalizer.normalize(new Policy(name, "", priority, mode, new Selector(null, null, null, null, null, List.of("br0")),
                features, RemovalAction.keep, null, channels));
    }

    @Test
    void channelCountsAreDecidedPerKindLikeFeatures() {
        Policy two = policy("two", 10, PolicyMode.enforce, Map.of("gro", false), new ChannelRequest(2, 2, null, null));
        Policy rival = policy("rival", 10, PolicyMode.enforce, Map.of(), new ChannelRequest(3, null, null, null));
        Policy low = policy("low", 1, PolicyMode.enforce, Map.of(), new ChannelRequest(null, null, null, 1));
        DesiredState desired = DesiredStateCalculator.calculate(NODE, List.of(two, rival, low));
        DesiredInterface vb = desired.interfaces().stream().filter(i -> i.name().equals("vb")).findFirst().orElseThrow();
        assertEquals(Map.of(ChannelKind.tx, new DesiredCount(2, "two", PolicyMode.enforce, List.of()),
                ChannelKind.combined, new DesiredCount(1, "low", PolicyMode.enforce, List.of())), vb.channels());
        assertEquals(new PolicyConflict("vb", "channels.rx", 10, Map.of("two", 2L, "rival", 3L)), desired.conflicts().get(1));
        assertEquals(new PolicyConflict("vb", "channels.rx", 10, Map.of("two", 2, "rival", 3)), desired.conflicts().get(1),
                "values are equal whatever integral type they were given in");
    }

    @Test
    void oneComparisonJudgesFeaturesAndChannels() {
        Policy two = policy("two", 10, PolicyMode.enforce, Map.of("gro", false), new ChannelRequest(2, 9, null, null));
        DesiredState desired = DesiredStateCalculator.calculate(NODE, List.of(two));
        Map<String, InterfaceCompliance> byName = new java.util.TreeMap<>();
        ComplianceEvaluator.evaluate(NODE, desired).forEach(c -> byName.put(c.name(), c));

        assertEquals(List.of(
                new Deviation("rx-gro", false, true, ComplianceStatus.drifted, "two", PolicyMode.enforce, null),
                new Deviation("channels.rx", 2, 1, ComplianceStatus.drifted, "two", PolicyMode.enforce, null),
                new Deviation("channels.tx", 9, 1, ComplianceStatus.unenforceable, "two", PolicyMode.enforce,
                        "tx 9 exceeds the maximum of 'vb', 4")), byName.get("vb").deviations());
        assertEquals(ComplianceStatus.drifted, byName.get("vb").status());
        assertEquals("the driver of 'tap0' has no channel settings", byName.get("tap0").deviations().get(1).reason());
        assertEquals(null, byName.get("tap0").deviations().get(1).actual());

        Map<String, SettingsRequest> plan = EnforcementPlanner.plan(desired.interfaces(), NODE);
        assertEquals(Map.of(ChannelKind.rx, 2), plan.get("vb").channels(), "beyond the maximum is not planned");
        assertEquals(Map.of("rx-gro", false), plan.get("vb").features().wanted());
        assertEquals(Map.of("rx-gro", false), plan.get("tap0").features().wanted());
        assertEquals(Map.of(), plan.get("tap0").channels());
    }

    @Test
    void asDesiredIsCompliantAndContestedChannelsAreNamed() {
        Channels two = new Channels(new ChannelCounts(4, 4, 0, 0), new ChannelCounts(2, 2, 0, 0));
        NodeReport node = new NodeReport(Map.of(), "6.18", "0.1", List.of(port("vb", two)));
        DesiredState desired = DesiredStateCalculator.calculate(node, List.of(
                policy("two", 10, PolicyMode.enforce, Map.of(), new ChannelRequest(2, 2, null, null))));
        assertEquals(ComplianceStatus.compliant, ComplianceEvaluator.evaluate(node, desired).get(0).status());
        assertTrue(EnforcementPlanner.plan(desired.interfaces(), node).isEmpty());

        NodeReport contested = node.withAgent(new AgentStatus(null, List.of(new ContestedFeature("vb", "channels.rx", 2, 5, 60,
                java.time.Instant.EPOCH)), List.of()));
        assertEquals(ComplianceStatus.contested, ComplianceEvaluator.evaluate(contested, desired).get(0).status());
    }

    @Test
    void policiesNameFeaturesOrChannelsAndCountsAreChecked() {
        Policy channelsOnly = policy("q", 0, PolicyMode.enforce, Map.of(), new ChannelRequest(null, null, null, 4));
        assertEquals(Map.of(ChannelKind.combined, 4), channelsOnly.channelCounts());
        ValidationException nothing = assertThrows(ValidationException.class,
                () -> policy("n", 0, PolicyMode.enforce, Map.of(), new ChannelRequest(null, null, null, null)));
        assertEquals("features", nothing.violations().get(0).field());
        ValidationException negative = assertThrows(ValidationException.class,
                () -> policy("n", 0, PolicyMode.enforce, Map.of(), new ChannelRequest(-1, 70000, null, null)));
        assertEquals(List.of("channels.rx", "channels.tx"), negative.violations().stream().map(Violation::field).toList());
    }

    @Test
    void channelsArePersistedByEveryFormat() {
        DesiredState desired = DesiredStateCalculator.calculate(NODE, List.of(
                policy("two", 10, PolicyMode.enforce, Map.of("gro", false), new ChannelRequest(2, 2, null, null))));
        PersistPlan plan = PersistPlans.forDesired("node-1", 3, desired.interfaces().subList(2, 3), 0);
        assertEquals(Map.of(ChannelKind.rx, 2, ChannelKind.tx, 2), plan.items().get(0).channels());
        Map<PersistFormat, String> expected = Map.of(
                PersistFormat.SHELL, "/usr/local/bin/offloadctl channels vc rx 2 tx 2 || status=1\n",
                PersistFormat.SYSTEMD, "ExecStart=/usr/local/bin/offloadctl channels vc rx 2 tx 2\n",
                PersistFormat.UDEV, "RUN+=\"/usr/local/bin/offloadctl set %k gro off\", RUN+=\"/usr/local/bin/offloadctl channels %k rx 2 tx 2\"\n",
                PersistFormat.NETWORKD, "RxChannels=2\nTxChannels=2\n",
                PersistFormat.NETWORKMANAGER, "ethtool.feature-gro off ethtool.channels-rx 2 ethtool.channels-tx 2",
                PersistFormat.HARVESTER_CLOUDINIT, "- '/usr/sbin/ethtool -L vc rx 2 tx 2'\n");
        expected.forEach((format, line) -> {
            String rendered = PersistRenderer.of(format, PersistPlans.commands(format, null, null)).render(plan);
            assertTrue(rendered.contains(line), format + " lacks [" + line + "]:\n" + rendered);
        });
    }
}
