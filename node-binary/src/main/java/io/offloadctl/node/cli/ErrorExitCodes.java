package io.offloadctl.node.cli;

import io.offloadctl.model.ErrorKind;

/** A command whose errors map to exit codes of their own (set follows ethtool -K, info ethtool -i). */
interface ErrorExitCodes {
    int exitCodeFor(ErrorKind kind);

    /** The exit code of a command line this command cannot parse. */
    default int usageExitCode() {
        return ExitCodes.USAGE;
    }
}
