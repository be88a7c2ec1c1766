package io.offloadctl.node.cli;

import io.offloadctl.model.ErrorKind;

/** A command whose errors map to exit codes of their own (set follows ethtool -K). */
interface ErrorExitCodes {
    int exitCodeFor(ErrorKind kind);
}
