package io.offloadctl.node.perf;

import java.lang.management.ManagementFactory;

/** CPU time this process has used, for "how much CPU did the transfer cost". */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU used between two readings as a percentage of one core over {@code wallNanos}; null when unknown. */
    static Double percent(long before, long after, long wallNanos) {
        if (before < 0 || after < 0 || wallNanos <= 0) {
            return null;
        }
        return Math.round((after - before) * 1000.0 / wallNanos) / 10.0;
    }
}
