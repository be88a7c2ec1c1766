package io.offloadctl.api.node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.offloadctl.model.policy.Labels;
import io.offloadctl.model.InterfaceNames;
import io.offloadctl.model.policy.ValidationException;
import io.offloadctl.model.policy.Violation;
import io.offloadctl.model.report.AgentStatus;
import io.offloadctl.model.report.ContestedFeature;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.ProbeResult;
import io.offloadctl.model.report.Quarantine;
import io.offloadctl.model.report.NodeReport;

/**
 * What a node report may hold, checked before anything is stored or evaluated: names as the kernel
 * takes them (a name reported here ends up in rendered scripts and unit files), strings no longer
 * than the kernel's own fields, and bounded counts, so one report's cost is bounded too.
 */
public final class ReportLimits {

    public static final int MAX_INTERFACES = 4096;
    /** netdev_features_t is 64 bits: no interface has more kernel features. */
    public static final int MAX_FEATURES = 128;
    public static final int MAX_COUNTERS = 64;
    /** ETH_GSTRING_LEN: a feature or counter name is at most 31 bytes and a NUL. */
    static final int MAX_NAME = 31;
    /** struct ethtool_drvinfo's driver, version, fw_version and bus_info are 32 bytes with their NUL. */
    static final int MAX_DRIVER_FIELD = 31;
    /** The columns node.kernel and node.agent_version. */
    static final int MAX_KERNEL = 255;
    static final int MAX_AGENT_VERSION = 64;
    static final int MAX_MTU = 16 * 1024 * 1024;
    static final int MAX_CONTESTED = 1024;
    public static final int MAX_PROBES = 32;
    public static final int MAX_MESSAGE = 4096;

    private ReportLimits() {
    }

    public static void check(NodeReport report) {
        List<Violation> violations = new ArrayList<>();
        Labels.check("labels", report.labels(), violations);
        length("kernel", report.kernel(), MAX_KERNEL, violations);
        length("agentVersion", report.agentVersion(), MAX_AGENT_VERSION, violations);
        if (report.interfaces().size() > MAX_INTERFACES) {
            violations.add(new Violation("interfaces", "holds " + report.interfaces().size() + " interfaces; at most "
                    + MAX_INTERFACES + " are accepted"));
            throw new ValidationException(violations);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < report.interfaces().size(); i++) {
            InterfaceReport iface = report.interfaces().get(i);
            String at = "interfaces[" + i + "]";
            String problem = InterfaceNames.problem(iface.name());
            if (problem != null) {
                violations.add(new Violation(at + ".name", problem));
            } else if (!names.add(iface.name())) {
                violations.add(new Violation(at + ".name", "interface " + iface.name() + " is reported twice"));
            }
            if (iface.master() != null && InterfaceNames.problem(iface.master()) != null) {
                violations.add(new Violation(at + ".master", InterfaceNames.problem(iface.master())));
            }
            length(at + ".driver", iface.driver(), MAX_DRIVER_FIELD, violations);
            length(at + ".driverVersion", iface.driverVersion(), MAX_DRIVER_FIELD, violations);
            length(at + ".firmwareVersion", iface.firmwareVersion(), MAX_DRIVER_FIELD, violations);
            length(at + ".busInfo", iface.busInfo(), MAX_DRIVER_FIELD, violations);
            if (iface.mtu() < 0 || iface.mtu() > MAX_MTU) {
                violations.add(new Violation(at + ".mtu", "must be between 0 and " + MAX_MTU));
            }
            if (iface.speedMbps() != null && iface.speedMbps() < 0) {
                violations.add(new Violation(at + ".speedMbps", "must not be negative"));
            }
            names(at + ".features", iface.features(), MAX_FEATURES, violations);
            names(at + ".counters", iface.counters(), MAX_COUNTERS, violations);
            statistics(at + ".driverStatistics", iface.driverStatistics(), violations);
        }
        checkAgent(report.agentStatus(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** Whether counters read on their own (a report whose configuration is stored) are within what {@link #check} allows. */
    public static boolean countersWithin(io.offloadctl.model.report.NodeCounters counters) {
        List<Violation> violations = new ArrayList<>();
        counters.interfaces().values().forEach(own -> names("counters", own, MAX_COUNTERS, violations));
        counters.driverStatistics().values().forEach(own -> statistics("driverStatistics", own, violations));
        return violations.isEmpty();
    }

    /** What an agent says it holds back: bounded like the rest. */
    private static void checkAgent(AgentStatus agent, List<Violation> violations) {
        if (agent.contested().size() > MAX_CONTESTED) {
            violations.add(new Violation("agent.contested", "holds " + agent.contested().size() + " entries; at most "
                    + MAX_CONTESTED + " are accepted"));
            return;
        }
        for (int i = 0; i < agent.contested().size(); i++) {
            ContestedFeature contested = agent.contested().get(i);
            String at = "agent.contested[" + i + "]";
            String problem = InterfaceNames.problem(contested.interfaceName());
            if (problem != null) {
                violations.add(new Violation(at + ".interfaceName", problem));
            }
            names(at + ".setting", contested.setting() == null ? Map.of() : Map.of(contested.setting(), 0), 1, violations);
        }
        Quarantine quarantine = agent.quarantine();
        if (quarantine == null) {
            return;
        }
        length("agent.quarantine.reason", quarantine.reason(), MAX_MESSAGE, violations);
        if (quarantine.probes().size() > MAX_PROBES) {
            violations.add(new Violation("agent.quarantine.probes", "holds " + quarantine.probes().size()
                    + " probes; at most " + MAX_PROBES + " are accepted"));
            return;
        }
        for (int i = 0; i < quarantine.probes().size(); i++) {
            probe("agent.quarantine.probes[" + i + "]", quarantine.probes().get(i), violations);
        }
    }

    /** One probe of an agent's report or enactment. */
    public static void probe(String at, ProbeResult probe, List<Violation> violations) {
        length(at + ".name", probe.name(), MAX_NAME, violations);
        length(at + ".target", probe.target(), MAX_KERNEL, violations);
        length(at + ".message", probe.message(), MAX_KERNEL, violations);
    }

    private static void names(String at, Map<String, ?> map, int max, List<Violation> violations) {
        if (map.size() > max) {
            violations.add(new Violation(at, "holds " + map.size() + " entries; at most " + max + " are accepted"));
            return;
        }
        for (String name : map.keySet()) {
            if (name.isEmpty() || name.length() > MAX_NAME || !name.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
                violations.add(new Violation(at, "'" + InterfaceNames.printable(name)
                        + "' is no kernel name (1 to 31 printable ASCII characters)"));
            }
        }
    }

    /** Driver statistics by the rules' names: as many as counters, each name as ethtool -S prints one (spaces allowed). */
    private static void statistics(String at, Map<String, Long> statistics, List<Violation> violations) {
        if (statistics.size() > MAX_COUNTERS) {
            violations.add(new Violation(at, "holds " + statistics.size() + " entries; at most " + MAX_COUNTERS + " are accepted"));
            return;
        }
        for (String name : statistics.keySet()) {
            if (name.isEmpty() || name.length() > MAX_NAME || !name.chars().allMatch(c -> c >= ' ' && c < 0x7f)) {
                violations.add(new Violation(at, "'" + InterfaceNames.printable(name)
                        + "' is no driver statistic's name (1 to 31 printable ASCII characters)"));
            }
        }
    }

    public static void length(String at, String value, int max, List<Violation> violations) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(at, "is " + value.length() + " characters long; at most " + max + " are accepted"));
        }
    }
}
