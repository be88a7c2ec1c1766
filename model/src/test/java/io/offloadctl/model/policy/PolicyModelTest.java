package io.offloadctl.model.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.offloadctl.model.InterfaceKind;
import io.offloadctl.model.report.FeatureReport;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;

class PolicyModelTest {

    static final FeatureReport ON = new FeatureReport(true, true, true, false);
    static final FeatureReport OFF = new FeatureReport(false, false, true, false);
    static final FeatureReport FIXED_OFF = new FeatureReport(false, false, false, true);

    static InterfaceReport iface(String name, InterfaceKind kind, String driver, String master) {
        return new InterfaceReport(name, kind, driver, "1", "", "", 1500, 10000, master, Map.of(),
                Map.of("rx-gro", ON, "tx-generic-segmentation", ON, "rx-lro", FIXED_OFF));
    }

    static final NodeReport NODE = new NodeReport(Map.of("role", "hypervisor", "rack", "r1"), "6.18", "0.1", List.of(
            iface("eno1", InterfaceKind.physical, "bnxt_en", "br0"),
            iface("br0", InterfaceKind.bridge, "bridge", null),
            iface("tap3", InterfaceKind.tap, "tun", "br0")));

    static Policy policy(String name, int priority, Selector selector, Map<String, Boolean> features) {
        return PolicyNormalizer.normalize(new Policy(name, "", priority, PolicyMode.enforce, selector, features));
    }

    @Test
    void legacyNamesAreStoredAsKernelNamesAndBadOnesAreAllReported() {
        Policy tso = policy("p", 0, null, Map.of("tso", false, "gro", false));
        assertEquals(Map.of("rx-gro", false, "tx-tcp-segmentation", false, "tx-tcp-ecn-segmentation", false,
                "tx-tcp-mangleid-segmentation", false, "tx-tcp6-segmentation", false,
                "tx-tcp-accecn-segmentation", false), tso.features());
        ValidationException e = assertThrows(ValidationException.class, () -> PolicyNormalizer.normalize(
                new Policy("Bad Name", "", 0, null, null, Map.of("gorp", true))));
        assertEquals(List.of("name", "mode", "features.gorp"), e.violations().stream().map(Violation::field).toList());
        assertTrue(e.violations().get(2).message().contains("did you mean"), e.violations().get(2).message());
    }

    @Test
    void selectorsMatchLabelsExpressionsGlobsDriversAndKinds() {
        Selector selector = new Selector(Map.of("role", "hypervisor"),
                List.of(new LabelRequirement("rack", LabelOperator.In, List.of("r1", "r2")),
                        new LabelRequirement("drain", LabelOperator.DoesNotExist, null)),
                List.of("eno*", "tap?"), List.of("bnxt_en", "tun"), List.of(InterfaceKind.physical, InterfaceKind.tap));
        assertTrue(selector.selectsNode(NODE.labels()));
        assertFalse(selector.selectsNode(Map.of("role", "hypervisor", "rack", "r3")));
        assertFalse(selector.selectsNode(Map.of("role", "hypervisor", "rack", "r1", "drain", "yes")));
        assertEquals(List.of("eno1", "tap3"), NODE.interfaces().stream().filter(selector::selectsInterface)
                .map(InterfaceReport::name).toList());
    }

    @Test
    void highestPriorityWinsAndEqualPrioritiesThatDisagreeAreConflicts() {
        Policy bridgePorts = policy("ports", 10, new Selector(null, null, null, null, List.of(InterfaceKind.physical, InterfaceKind.tap)),
                Map.of("gro", false, "gso", false));
        Policy everything = policy("all", 1, null, Map.of("gro", true));
        Policy rival = policy("rival", 10, new Selector(null, null, List.of("eno1"), null, null), Map.of("gso", true));
        DesiredState desired = DesiredStateCalculator.calculate(NODE, List.of(everything, bridgePorts, rival));

        Map<String, DesiredInterface> byName = desired.interfaces().stream()
                .collect(java.util.stream.Collectors.toMap(DesiredInterface::name, d -> d));
        assertEquals(new DesiredFeature(true, "all", PolicyMode.enforce), byName.get("br0").features().get("rx-gro"));
        assertEquals(new DesiredFeature(false, "ports", PolicyMode.enforce), byName.get("tap3").features().get("rx-gro"));
        assertFalse(byName.get("eno1").features().containsKey("tx-generic-segmentation"), "conflicts are not resolved");
        assertEquals(List.of(new PolicyConflict("eno1", "tx-generic-segmentation", 10, Map.of("ports", false, "rival", true))),
                desired.conflicts());
    }

    @Test
    void complianceTellsDriftFromUnenforceableAndUnmanaged() {
        Policy noGro = policy("no-gro", 0, new Selector(null, null, List.of("eno1"), null, null), Map.of("gro", false));
        Policy lro = policy("lro", 0, new Selector(null, null, List.of("tap3"), null, null), Map.of("lro", true));
        Policy asIs = policy("as-is", 0, new Selector(null, null, List.of("br0"), null, null), Map.of("gro", true));
        List<InterfaceCompliance> result = ComplianceEvaluator.evaluate(NODE,
                DesiredStateCalculator.calculate(NODE, List.of(noGro, lro, asIs)));
        assertEquals(List.of(ComplianceStatus.compliant, ComplianceStatus.drifted, ComplianceStatus.unenforceable),
                result.stream().map(InterfaceCompliance::status).toList());
        assertEquals(List.of(new Deviation("rx-gro", false, true, ComplianceStatus.drifted, "no-gro", PolicyMode.enforce, null)), result.get(1).deviations());
        assertEquals(ComplianceStatus.drifted, ComplianceEvaluator.nodeStatus(result));
        assertEquals(ComplianceStatus.unmanaged, ComplianceEvaluator.nodeStatus(
                ComplianceEvaluator.evaluate(NODE, DesiredStateCalculator.calculate(NODE, List.of()))));
    }

    @Test
    void anAuditPolicyAboveEnforcementSaysWhatItSuspends() {
        Policy enforce = policy("ports-no-gro", 10, null, Map.of("gro", false));
        Policy audit = PolicyNormalizer.normalize(new Policy("watch-gro", "", 20, PolicyMode.audit,
                new Selector(null, null, List.of("eno1"), null, null), Map.of("gro", false)));
        Map<String, DesiredInterface> byName = DesiredStateCalculator.calculate(NODE, List.of(enforce, audit)).interfaces().stream()
                .collect(java.util.stream.Collectors.toMap(DesiredInterface::name, i -> i));
        assertEquals(new DesiredFeature(false, "watch-gro", PolicyMode.audit, List.of("ports-no-gro")),
                byName.get("eno1").features().get("rx-gro"));
        assertEquals(new DesiredFeature(false, "ports-no-gro", PolicyMode.enforce), byName.get("br0").features().get("rx-gro"));
    }

    @Test
    void agreeingPoliciesOfOnePriorityEnforceWhateverTheirNames() {
        // "a-audit" sorts before "z-enforce": the name must not decide whether the feature is applied.
        Policy audit = PolicyNormalizer.normalize(new Policy("a-audit", "", 5, PolicyMode.audit, null, Map.of("gro", false)));
        Policy enforce = policy("z-enforce", 5, null, Map.of("gro", false));
        DesiredFeature decided = DesiredStateCalculator.calculate(NODE, List.of(audit, enforce)).interfaces().get(0)
                .features().get("rx-gro");
        assertEquals(new DesiredFeature(false, "z-enforce", PolicyMode.enforce), decided);
    }
}
