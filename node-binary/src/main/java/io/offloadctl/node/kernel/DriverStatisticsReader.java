package io.offloadctl.node.kernel;

import java.util.ArrayList;
import java.util.List;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.InterfaceNames;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.report.DriverStatistics;

/** Reads a driver's statistics: ETHTOOL_GSSET_INFO and ETHTOOL_GSTRINGS for ETH_SS_STATS, then ETHTOOL_GSTATS. */
public final class DriverStatisticsReader {

    private final KernelSession session;

    public DriverStatisticsReader(KernelSession session) {
        this.session = session;
    }

    /** The statistics of the interface with this (own) name; NOT_SUPPORTED when its driver has none. */
    public DriverStatistics read(String interfaceName) {
        InterfaceNames.validate(interfaceName);
        return KernelErrors.explained(session.namespace(), interfaceName, () -> {
            int count = session.ethtool().statisticsCount(interfaceName);
            if (count == 0) {
                throw new OffloadException(ErrorKind.NOT_SUPPORTED, "no stats available for '" + interfaceName
                        + "': its driver has no statistics of its own (the interface counters are in 'offloadctl info')");
            }
            List<String> names = session.ethtool().statisticsNames(interfaceName, count);
            long[] values = session.ethtool().statistics(interfaceName, count);
            List<DriverStatistics.Counter> counters = new ArrayList<>();
            for (int i = 0; i < Math.min(names.size(), values.length); i++) {
                counters.add(new DriverStatistics.Counter(names.get(i), values[i]));
            }
            return new DriverStatistics(interfaceName, counters);
        });
    }
}
