package io.offloadctl.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.persist.PersistFormat;
import io.offloadctl.model.persist.PersistPlan;
import io.offloadctl.model.persist.PersistPlans;
import io.offloadctl.model.persist.PersistRenderer;
import io.offloadctl.model.persist.PersistTarget;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.CoalesceRequest;
import io.offloadctl.model.settings.RingParameter;
import io.offloadctl.model.settings.RingRequest;
import io.offloadctl.model.settings.SettingName;
import io.offloadctl.model.settings.SettingsRequest;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.model.settings.PauseRequest;

/**
 * Rings, coalescing and pause through the policy model: desired state and conflicts, the one comparison
 * (against what each driver reports and its maxima), the plan, validation and every persistence format.
 */
class DriverParameterPolicyTest {

    /** A virtio_net NIC as ethtool -g/-c read it here: rings 256 of 256, tx-push off; coalescing rx/tx usecs and frames. */
    static InterfaceReport virtio(String name) {
        Map<RingParameter, Long> rings = new EnumMap<>(RingParameter.class);
        rings.putAll(Map.of(RingParameter.rx_max, 1024L, RingParameter.tx_max, 1024L, RingParameter.rx, 256L, RingParameter.tx, 256L,
                RingParameter.tx_push, 0L));
        Map<CoalesceParameter, Long> coalesce = new EnumMap<>(CoalesceParameter.class);
        coalesce.putAll(Map.of(CoalesceParameter.rx_usecs, 0L, CoalesceParameter.rx_frames, 1L, CoalesceParameter.tx_usecs, 0L,
                CoalesceParameter.tx_frames, 1L, CoalesceParameter.adaptive_rx, 0L));
        return new InterfaceReport(name, InterfaceKind.physical, "virtio_net", "1", "", "", 1500, 10000, null, Map.of(),
                Map.of("rx-gro", PolicyModelTest.ON), null, null, rings, coalesce, null);
    }

    /** A tap: no rings; of coalescing only rx-frames. */
    static InterfaceReport tap(String name) {
        return new InterfaceReport(name, InterfaceKind.tap, "tun", "1", "", "", 1500, 10000, null, Map.of(),
                Map.of("rx-gro", PolicyModelTest.ON), null, null, null, Map.of(CoalesceParameter.rx_frames, 0L), null);
    }

    static final NodeReport NODE = new NodeReport(Map.of(), "6.18", "0.1", List.of(virtio("eth0"), tap("tap0")));

    static Policy policy(String name, int priority, RingRequest rings, CoalesceRequest coalesce) {
        return PolicyNormalizer.normalize(new Policy(name, "", priority, PolicyMode.enforce, Selector.ALL, Map.of(), RemovalAction.keep,
                null, null, null, rings, coalesce));
    }

    static CoalesceRequest coalescing(Long rxUsecs, Long rxFrames, Boolean adaptiveRx) {
        return new CoalesceRequest(rxUsecs, rxFrames, null, null, null, null, null, null, null, adaptiveRx, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void theRequestsDeclareEverySettableParameterInTheKernelsOrder() {
        assertEquals(Arrays.stream(RingParameter.values()).filter(RingParameter::settable).map(Enum::name).toList(),
                Arrays.stream(RingRequest.class.getRecordComponents()).map(RecordComponent::getName).toList());
        assertEquals(Arrays.stream(CoalesceParameter.values()).map(Enum::name).toList(),
                Arrays.stream(CoalesceRequest.class.getRecordComponents()).map(RecordComponent::getName).toList());
        assertEquals(Map.of(RingParameter.rx, 4096L, RingParameter.tx_push, 1L),
                new RingRequest(4096L, null, null, null, null, null, true).values());
        assertEquals(Map.of(CoalesceParameter.rx_usecs, 50L, CoalesceParameter.adaptive_rx, 0L), coalescing(50L, null, false).values());
        assertEquals("rings.rx_jumbo", SettingName.parameter(RingParameter.rx_jumbo));
        assertEquals(CoalesceParameter.adaptive_tx, SettingName.coalesce("coalesce.adaptive_tx").orElseThrow());
        assertTrue(SettingName.ring("rings.rx_usecs").isEmpty());
    }

    @Test
    void ringsAndCoalescingAreDecidedComparedAndPlannedLikeTheOtherSettings() {
        Policy bigRings = policy("big-rings", 10, new RingRequest(1024L, null, null, 2048L, null, null, null), null);
        Policy otherRings = policy("other-rings", 10, new RingRequest(512L, null, null, null, null, null, null), null);
        Policy calm = policy("calm", 5, null, coalescing(50L, 8L, false));
        DesiredState desired = DesiredStateCalculator.calculate(NODE, List.of(bigRings, otherRings, calm));
        assertTrue(desired.conflicts().contains(new PolicyConflict("eth0", "rings.rx", 10, Map.of("big-rings", 1024L, "other-rings", 512L))),
                desired.conflicts().toString());
        DesiredInterface eth0 = desired.interfaces().get(0);
        assertEquals(Map.of(RingParameter.tx, new DesiredCount(2048, "big-rings", PolicyMode.enforce, List.of())), eth0.rings());
        assertEquals(3, eth0.coalesce().size());

        Map<String, InterfaceCompliance> byName = new TreeMap<>();
        ComplianceEvaluator.evaluate(NODE, desired).forEach(c -> byName.put(c.name(), c));
        assertEquals(List.of(
                new Deviation("rings.tx", 2048L, 256L, ComplianceStatus.unenforceable, "big-rings", PolicyMode.enforce,
                        "tx 2048 exceeds the maximum of 'eth0', 1024"),
                new Deviation("coalesce.rx_usecs", 50L, 0L, ComplianceStatus.drifted, "calm", PolicyMode.enforce, null),
                new Deviation("coalesce.rx_frames", 8L, 1L, ComplianceStatus.drifted, "calm", PolicyMode.enforce, null)),
                byName.get("eth0").deviations(), "adaptive_rx is off as wanted");
        assertEquals(List.of("the driver of 'tap0' has no ring settings", "the driver of 'tap0' does not support rx-usecs",
                "the driver of 'tap0' does not support adaptive-rx"),
                byName.get("tap0").deviations().stream().filter(d -> d.status() == ComplianceStatus.unenforceable).map(Deviation::reason).toList());

        Map<String, SettingsRequest> plan = EnforcementPlanner.plan(desired.interfaces(), NODE);
        assertEquals(Map.of(), plan.get("eth0").rings(), "above the maximum is not planned");
        assertEquals(Map.of(CoalesceParameter.rx_usecs, 50L, CoalesceParameter.rx_frames, 8L), plan.get("eth0").coalesce());
        assertEquals(Map.of(CoalesceParameter.rx_frames, 8L), plan.get("tap0").coalesce(), "what tap has, only");
        assertEquals(plan.get("eth0"), SettingsRequest.of(plan.get("eth0").settings()), "setting names travel both ways");
        assertEquals(Map.of("coalesce.rx_usecs", 50L, "coalesce.rx_frames", 8L), plan.get("eth0").settings());
    }

    @Test
    void asDesiredIsCompliantAndOnOffParametersCompareAsTheKernelHasThem() {
        DesiredState desired = DesiredStateCalculator.calculate(NODE, List.of(policy("p", 0,
                new RingRequest(256L, null, null, null, null, null, false), coalescing(null, 1L, false))));
        assertEquals(ComplianceStatus.compliant, ComplianceEvaluator.evaluate(NODE, desired).get(0).status());
        DesiredState pushing = DesiredStateCalculator.calculate(NODE, List.of(policy("p", 0,
                new RingRequest(null, null, null, null, null, null, true), null)));
        assertEquals(List.of(new Deviation("rings.tx_push", 1L, 0L, ComplianceStatus.drifted, "p", PolicyMode.enforce, null)),
                ComplianceEvaluator.evaluate(NODE, pushing).get(0).deviations());
    }

    @Test
    void policiesNameRingsOrCoalescingAloneAndValuesAreChecked() {
        Policy ringsOnly = policy("r", 0, new RingRequest(4096L, null, null, 4096L, null, null, null), null);
        assertEquals(Map.of(RingParameter.rx, 4096L, RingParameter.tx, 4096L), ringsOnly.ringValues());
        assertEquals(Map.of(CoalesceParameter.rx_frames, 2L), policy("c", 0, null, coalescing(null, 2L, null)).coalesceValues());
        ValidationException wrong = assertThrows(ValidationException.class,
                () -> policy("n", 0, new RingRequest(-1L, null, null, 4294967296L, null, null, null), coalescing(null, -5L, null)));
        assertEquals(List.of("rings.rx", "rings.tx", "coalesce.rx_frames"), wrong.violations().stream().map(Violation::field).toList());
        assertEquals("must be between 0 and 4294967295", wrong.violations().get(0).message());
        ValidationException nothing = assertThrows(ValidationException.class, () -> policy("e", 0,
                new RingRequest(null, null, null, null, null, null, null), coalescing(null, null, null)));
        assertTrue(nothing.violations().get(0).message().contains("rings, coalescing or pause"), nothing.violations().toString());
    }

    @Test
    void ringsAndCoalescingArePersistedByEveryFormatAndSaidWhereOneCannot() {
        Map<RingParameter, Long> rings = new EnumMap<>(Map.of(RingParameter.rx, 4096L, RingParameter.tx_push, 0L));
        Map<CoalesceParameter, Long> coalesce = new EnumMap<>(Map.of(CoalesceParameter.rx_usecs, 50L, CoalesceParameter.adaptive_rx, 1L,
                CoalesceParameter.cqe_mode_rx, 1L));
        PersistPlan plan = new PersistPlan("n", Map.of(), List.of(new PersistPlan.Item(PersistTarget.named("eth0"), Map.of(), Map.of(),
                Map.of(), rings, coalesce)));
        Map<PersistFormat, List<String>> expected = Map.of(
                PersistFormat.SHELL, List.of("/usr/local/bin/offloadctl rings eth0 rx 4096 tx-push off || status=1\n",
                        "/usr/local/bin/offloadctl coalesce eth0 rx-usecs 50 adaptive-rx on cqe-mode-rx on || status=1\n"),
                PersistFormat.SYSTEMD, List.of("ExecStart=/usr/local/bin/offloadctl rings eth0 rx 4096 tx-push off\n"),
                PersistFormat.UDEV, List.of("RUN+=\"/usr/local/bin/offloadctl coalesce %k rx-usecs 50 adaptive-rx on cqe-mode-rx on\"\n"),
                PersistFormat.NETWORKD, List.of("RxBufferSize=4096\n", "RxCoalesceSec=50us\n", "UseAdaptiveRxCoalesce=yes\n",
                        "# settings a .link file cannot express (use the systemd or udev form): rings.tx_push 0, coalesce.cqe_mode_rx 1\n"),
                PersistFormat.NETWORKMANAGER, List.of("ethtool.ring-rx 4096", "ethtool.coalesce-rx-usecs 50 ethtool.coalesce-adaptive-rx 1",
                        "# NetworkManager has no property for: rings.tx_push coalesce.cqe_mode_rx\n"),
                PersistFormat.HARVESTER_CLOUDINIT, List.of("ethtool -G eth0 rx 4096 tx-push off'\n",
                        "ethtool -C eth0 rx-usecs 50 adaptive-rx on cqe-mode-rx on'\n"));
        expected.forEach((format, lines) -> {
            String rendered = PersistRenderer.of(format, PersistPlans.commands(format, null, null)).render(plan);
            lines.forEach(line -> assertTrue(rendered.contains(line), format + " lacks [" + line + "]:\n" + rendered));
        });
        // the desired state's enforced values are what is persisted; audit ones are not
        DesiredState desired = DesiredStateCalculator.calculate(NODE, List.of(policy("r", 0,
                new RingRequest(512L, null, null, null, null, null, null), null)));
        PersistPlan forDesired = PersistPlans.forDesired("n", 1, desired.interfaces(), 0);
        assertEquals(Map.of(RingParameter.rx, 512L), forDesired.items().get(0).rings());
        assertFalse(forDesired.items().stream().anyMatch(i -> !i.coalesce().isEmpty()));
    }

    /** A NIC with pause settings as ethtool -a reads them: autonegotiated, both directions on. */
    static InterfaceReport withPause(String name) {
        Map<PauseParameter, Long> pause = new EnumMap<>(Map.of(PauseParameter.autoneg, 1L, PauseParameter.rx, 1L, PauseParameter.tx, 1L));
        return new InterfaceReport(name, InterfaceKind.physical, "ixgbe", "1", "", "", 1500, 10000, null, Map.of(),
                Map.of("rx-gro", PolicyModelTest.ON), null, null, null, null, pause, null);
    }

    @Test
    void pauseIsDecidedComparedPlannedAndPersistedLikeTheOtherParameters() {
        assertEquals(Arrays.stream(PauseParameter.values()).map(Enum::name).toList(),
                Arrays.stream(PauseRequest.class.getRecordComponents()).map(RecordComponent::getName).toList());
        NodeReport node = new NodeReport(Map.of(), "6.18", "0.1", List.of(withPause("eno1"), virtio("eth0")));
        Policy noPause = PolicyNormalizer.normalize(new Policy("no-pause", "", 0, PolicyMode.enforce, Selector.ALL, Map.of(),
                RemovalAction.keep, null, null, null, null, null, new PauseRequest(false, false, null)));
        assertEquals(Map.of(PauseParameter.autoneg, 0L, PauseParameter.rx, 0L), noPause.pauseValues());
        DesiredState desired = DesiredStateCalculator.calculate(node, List.of(noPause));
        Map<String, InterfaceCompliance> byName = new TreeMap<>();
        ComplianceEvaluator.evaluate(node, desired).forEach(c -> byName.put(c.name(), c));
        assertEquals(List.of(new Deviation("pause.autoneg", 0L, 1L, ComplianceStatus.drifted, "no-pause", PolicyMode.enforce, null),
                new Deviation("pause.rx", 0L, 1L, ComplianceStatus.drifted, "no-pause", PolicyMode.enforce, null)),
                byName.get("eno1").deviations());
        assertEquals(List.of("the driver of 'eth0' has no pause settings", "the driver of 'eth0' has no pause settings"),
                byName.get("eth0").deviations().stream().map(Deviation::reason).toList(), "virtio_net has no pause");
        Map<String, SettingsRequest> plan = EnforcementPlanner.plan(desired.interfaces(), node);
        assertEquals(Map.of(PauseParameter.autoneg, 0L, PauseParameter.rx, 0L), plan.get("eno1").pause());
        assertTrue(plan.get("eth0") == null || plan.get("eth0").pause().isEmpty(), "unenforceable is not planned: " + plan);
        assertEquals(plan.get("eno1"), SettingsRequest.of(plan.get("eno1").settings()), "setting names travel both ways");
        assertEquals(Optional.of(1L), SettingsComparison.changeableValue(withPause("eno1"), "pause.rx"), "the original an agent records");

        ValidationException nothing = assertThrows(ValidationException.class, () -> PolicyNormalizer.normalize(new Policy("e", "", 0,
                PolicyMode.enforce, Selector.ALL, Map.of(), RemovalAction.keep, null, null, null, null, null, new PauseRequest(null, null, null))));
        assertTrue(nothing.violations().get(0).message().contains("pause"), nothing.violations().toString());

        PersistPlan persisted = PersistPlans.forDesired("n", 1, desired.interfaces(), 0);
        PersistPlan.Item eno1 = persisted.items().stream().filter(i -> i.target().interfaceGlob().equals("eno1")).findFirst().orElseThrow();
        assertEquals(Map.of(PauseParameter.autoneg, 0L, PauseParameter.rx, 0L), eno1.pause());
        PersistPlan one = new PersistPlan("n", Map.of(), List.of(eno1));
        Map<PersistFormat, List<String>> expected = Map.of(
                PersistFormat.SHELL, List.of("/usr/local/bin/offloadctl pause eno1 autoneg off rx off || status=1\n"),
                PersistFormat.SYSTEMD, List.of("ExecStart=/usr/local/bin/offloadctl pause eno1 autoneg off rx off\n"),
                PersistFormat.UDEV, List.of("RUN+=\"/usr/local/bin/offloadctl pause %k autoneg off rx off\"\n"),
                PersistFormat.NETWORKD, List.of("AutoNegotiationFlowControl=no\n", "RxFlowControl=no\n"),
                PersistFormat.NETWORKMANAGER, List.of("ethtool.pause-autoneg off ethtool.pause-rx off",
                        "# these need NetworkManager 1.32 or later: ethtool.pause-autoneg ethtool.pause-rx\n"),
                PersistFormat.NETWORKMANAGER_KEYFILE, List.of("pause-autoneg=false\npause-rx=false\n"),
                PersistFormat.TUNED, List.of("pause=autoneg off rx off\n"),
                PersistFormat.TALOS, List.of("# Talos EthernetConfig cannot set: pause.autoneg pause.rx\n"),
                PersistFormat.NMSTATE, List.of("        pause:\n          autoneg: false\n          rx: false\n"),
                PersistFormat.HARVESTER_CLOUDINIT, List.of("ethtool -A eno1 autoneg off rx off'\n"));
        expected.forEach((format, lines) -> {
            String rendered = PersistRenderer.of(format, PersistPlans.commands(format, null, null)).render(one);
            lines.forEach(line -> assertTrue(rendered.contains(line), format + " lacks [" + line + "]:\n" + rendered));
        });
    }
}
