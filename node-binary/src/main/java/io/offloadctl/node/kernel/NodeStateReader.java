package io.offloadctl.node.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.diagnose.RuleBook;
import io.offloadctl.model.settings.CoalesceParameter;
import io.offloadctl.model.settings.PauseParameter;
import io.offloadctl.model.settings.RingParameter;

import io.offloadctl.model.FeatureTable;
import io.offloadctl.model.InterfaceInfo;
import io.offloadctl.model.report.FeatureReport;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;

/**
 * Reads a whole node as the report an agent sends: every interface with every feature, its
 * channels, size limits, rings, coalescing and pause, and of its driver statistics those the rules read.
 */
public final class NodeStateReader {

    private final InterfaceInspector inspector;
    private final FeatureReader features;
    private final ChannelSettings channels;
    private final NetlinkSettings<RingParameter> rings;
    private final NetlinkSettings<CoalesceParameter> coalesce;
    private final NetlinkSettings<PauseParameter> pause;
    private final DriverStatisticsReader statistics;
    private final Set<String> statisticNames;
    private final NetworkNamespace namespace;

    /** A reader of the driver statistics the built-in rules read. */
    public NodeStateReader(KernelSession session) {
        this(session, RuleBook.builtIn().driverStatisticNames());
    }

    /** A reader of these driver statistics (ethtool -S names, '*' wildcards), each reported as the total of what it matches. */
    public NodeStateReader(KernelSession session, Set<String> statisticNames) {
        this.namespace = session.namespace();
        this.inspector = new InterfaceInspector(session);
        this.features = new FeatureReader(session);
        this.channels = new ChannelSettings(session);
        this.rings = NetlinkSettings.rings(session);
        this.coalesce = NetlinkSettings.coalesce(session);
        this.pause = NetlinkSettings.pause(session);
        this.statistics = new DriverStatisticsReader(session);
        this.statisticNames = Set.copyOf(statisticNames);
    }

    public NodeReport read(Map<String, String> labels, String agentVersion) {
        List<InterfaceReport> interfaces = inspector.infoAll().stream().map(this::interfaceReport).toList();
        NodeNetworkFacts facts = NodeNetworkFacts.read(namespace);
        return new NodeReport(labels, kernelRelease(), agentVersion, interfaces, facts.ipForwarding(), facts.tcp(), null, facts.udp());
    }

    private InterfaceReport interfaceReport(InterfaceInfo info) {
        String name = info.name();
        FeatureTable table = features.read(name);
        Map<String, FeatureReport> byName = new TreeMap<>();
        table.features().forEach(feature -> byName.put(feature.name(), FeatureReport.of(feature)));
        InterfaceInfo.DriverInfo driver = info.driver();
        return new InterfaceReport(name, info.kind(), driver == null ? null : driver.driver(),
                driver == null ? null : driver.version(), driver == null ? null : driver.firmwareVersion(),
                driver == null ? null : driver.busInfo(), info.mtu(), info.link().speedMbps(), info.master(),
                info.counters(), byName, channels.readIfSupported(name), info.limits(), rings.readIfSupported(name),
                coalesce.readIfSupported(name), pause.readIfSupported(name), driverStatistics(name));
    }

    /** The totals of the statistics asked for; none when the driver has no statistics. */
    private Map<String, Long> driverStatistics(String name) {
        if (statisticNames.isEmpty()) {
            return Map.of();
        }
        try {
            return statistics.read(name).totals(statisticNames);
        } catch (OffloadException e) {
            if (e.kind() == ErrorKind.NOT_SUPPORTED) {
                return Map.of();
            }
            throw e;
        }
    }

    /** The running kernel's release, as uname -r prints it. */
    public static String kernelRelease() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
