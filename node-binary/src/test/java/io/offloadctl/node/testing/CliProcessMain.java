package io.offloadctl.node.testing;

import io.offloadctl.node.cli.Cli;

/** offloadctl as a separate process from the test classpath, for tests that change its privileges. */
public final class CliProcessMain {
    public static void main(String[] args) {
        System.exit(Cli.commandLine().execute(args));
    }
}
