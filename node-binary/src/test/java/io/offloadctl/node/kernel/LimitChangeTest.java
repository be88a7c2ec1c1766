package io.offloadctl.node.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.offloadctl.model.FeatureRequest;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.settings.ChannelKind;
import io.offloadctl.model.settings.LinkLimit;
import io.offloadctl.model.settings.SettingsRequest;
import io.offloadctl.node.testing.TestNamespace;

/**
 * Size limits in a change of settings, against the kernel (ip -d link and ethtool judge): applied with
 * features and channels, put back with them when anything after fails (our check or the kernel's),
 * undone on request, and reported as ip -d link shows them.
 */
@Tag("ffi")
class LimitChangeTest {

    TestNamespace lab;

    @BeforeEach
    void createLab() {
        lab = TestNamespace.create("lich");
        lab.ip("link", "add", "qa", "numtxqueues", "4", "numrxqueues", "4", "type", "veth", "peer", "name", "qb",
                "numtxqueues", "4", "numrxqueues", "4").orFail();
    }

    @AfterEach
    void removeLab() {
        lab.close();
    }

    /** "gso_max_size 65536 gso_max_segs 65535 ... gro_max_size 65536" as ip -d link prints them. */
    private String limits(String iface) {
        String out = lab.ip("-d", "link", "show", "dev", iface).orFail().out();
        Matcher m = Pattern.compile("gso_max_size .*?gro_max_size [0-9]+").matcher(out);
        assertTrue(m.find(), out);
        return m.group();
    }

    private Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String iface : new String[] {"qa", "qb"}) {
            state.put(iface, limits(iface) + "\n" + lab.exec("ethtool", "-l", iface).orFail().out() + lab.ethtoolFeatures(iface));
        }
        return state;
    }

    private KernelSession session() {
        return KernelSession.open(NetworkNamespace.resolve(lab.name()));
    }

    @Test
    void limitsChangeWithFeaturesAndChannelsAndAreUndoneWithThem() {
        try (KernelSession session = session()) {
            AllOrNothingApplier applier = new AllOrNothingApplier(session);
            Map<String, String> before = state();
            AllOrNothingApplier.Change change = applier.apply(Map.of("qa", new SettingsRequest(
                    new FeatureRequest(Map.of("rx-gro", false)), Map.of(ChannelKind.rx, 2),
                    Map.of(LinkLimit.gso_max_size, 16384L, LinkLimit.gro_max_size, 32768L))));
            assertTrue(limits("qa").startsWith("gso_max_size 16384 "), limits("qa"));
            assertTrue(limits("qa").endsWith(" gro_max_size 32768"), limits("qa"));
            assertEquals(Map.of(LinkLimit.gso_max_size, 65536L, LinkLimit.gro_max_size, 65536L), change.limits().get(0).before());

            applier.undo(change);
            assertEquals(before, state());
        }
    }

    @Test
    void aLimitBeyondTheDriversMaximumIsRefusedBeforeAnythingChanges() {
        try (KernelSession session = session()) {
            Map<String, String> before = state();
            Map<String, SettingsRequest> plan = new LinkedHashMap<>();
            plan.put("qa", new SettingsRequest(new FeatureRequest(Map.of("rx-gro", false)), Map.of(), Map.of(LinkLimit.gso_max_size, 16384L)));
            plan.put("qb", new SettingsRequest(new FeatureRequest(Map.of()), Map.of(), Map.of(LinkLimit.gso_max_size, 600000L)));
            OffloadException e = assertThrows(OffloadException.class, () -> new AllOrNothingApplier(session).apply(plan));
            assertEquals("gso_max_size 600000 exceeds the tso_max_size of 'qb', 524280", e.getMessage());
            assertEquals(before, state());
        }
    }

    @Test
    void whatTheKernelRefusesPutsEveryInterfaceBack() {
        try (KernelSession session = session()) {
            Map<String, String> before = state();
            Map<String, SettingsRequest> plan = new LinkedHashMap<>();
            plan.put("qa", new SettingsRequest(new FeatureRequest(Map.of("rx-gro", false)), Map.of(ChannelKind.tx, 1),
                    Map.of(LinkLimit.gso_max_size, 16384L)));
            // Below the kernel's minimum (MAX_TCP_HEADER + 1; ip link set says "integer out of range"): our check lets it through.
            plan.put("qb", new SettingsRequest(new FeatureRequest(Map.of()), Map.of(), Map.of(LinkLimit.gso_max_size, 1L)));
            OffloadException e = assertThrows(OffloadException.class, () -> new AllOrNothingApplier(session).apply(plan));
            assertTrue(e.getMessage().contains("'qb'"), e.getMessage());
            assertEquals(before, state());
        }
    }

    @Test
    void theNodeReportCarriesTheLimitsIpShows() {
        lab.ip("link", "set", "dev", "qa", "gso_max_size", "20000", "gro_max_size", "30000").orFail();
        try (KernelSession session = session()) {
            InterfaceReport qa = new NodeStateReader(session).read(Map.of(), null).interfaces().stream()
                    .filter(i -> i.name().equals("qa")).findFirst().orElseThrow();
            StringBuilder ours = new StringBuilder();
            qa.limits().forEach((limit, value) -> {
                if (limit.ordinal() <= LinkLimit.gro_max_size.ordinal()) {
                    ours.append(ours.isEmpty() ? "" : " ").append(limit).append(' ').append(value);
                }
            });
            assertEquals(limits("qa"), ours.toString(), "iproute2 6.1 prints up to gro_max_size");
            assertEquals(20000L, qa.limits().get(LinkLimit.gso_max_size));
        }
    }
}
