package io.offloadctl.node.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.offloadctl.model.FeatureTable;
import io.offloadctl.model.InterfaceInfo;
import io.offloadctl.model.report.FeatureReport;
import io.offloadctl.model.report.InterfaceReport;
import io.offloadctl.model.report.NodeReport;

/** Reads a whole node, every interface with every feature, its channels and size limits, as the report an agent sends. */
public final class NodeStateReader {

    private final InterfaceInspector inspector;
    private final FeatureReader features;
    private final ChannelSettings channels;
    private final NetworkNamespace namespace;

    public NodeStateReader(KernelSession session) {
        this.namespace = session.namespace();
        this.inspector = new InterfaceInspector(session);
        this.features = new FeatureReader(session);
        this.channels = new ChannelSettings(session);
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
                info.counters(), byName, channels.readIfSupported(name), info.limits());
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
