package io.offloadctl.node.cli;

import io.offloadctl.model.ErrorKind;

/** offloadctl's exit codes. {@code set} uses the codes {@code ethtool -K} uses for the same outcomes. */
public final class ExitCodes {
    /** Done as asked. */
    public static final int OK = 0;
    /** Failed; for {@code set}: no requested feature could be changed, or the on/off arguments are wrong. */
    public static final int FAILURE = 1;
    /** The command line itself is wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** {@code set} was refused before or by the kernel (no such interface or feature, no permission): ethtool -K's 92. */
    public static final int SET_REFUSED = 92;
    /** {@code info} could not read the interface (no such interface, no driver information): ethtool -i's 71. */
    public static final int INFO_UNREADABLE = 71;
    /** {@code stats}: the driver has no statistics (ethtool -S's 94). */
    public static final int NO_STATISTICS = 94;
    /** {@code stats}: the statistics' names cannot be read, as when there is no such interface (ethtool -S's 96). */
    public static final int STATISTICS_UNREADABLE = 96;

    private ExitCodes() {
    }

    /** The exit code of {@code set} for an error of this kind. */
    static int forSetError(ErrorKind kind) {
        return kind == ErrorKind.INVALID_ARGUMENT || kind == ErrorKind.VERIFICATION ? FAILURE : SET_REFUSED;
    }

    /** The exit code of {@code stats} for an error of this kind. */
    static int forStatsError(ErrorKind kind) {
        return switch (kind) {
            case NOT_SUPPORTED -> NO_STATISTICS;
            case NOT_FOUND -> STATISTICS_UNREADABLE;
            default -> FAILURE;
        };
    }

    /** The exit code of {@code info} for an error of this kind. */
    static int forInfoError(ErrorKind kind) {
        return kind == ErrorKind.INVALID_ARGUMENT ? FAILURE : INFO_UNREADABLE;
    }
}
