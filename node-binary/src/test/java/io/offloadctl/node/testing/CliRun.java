package io.offloadctl.node.testing;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.offloadctl.node.cli.Cli;
import picocli.CommandLine;

/** Runs offloadctl in this JVM through the same factory main uses, capturing out, err and exit code. */
public final class CliRun {

    private CliRun() {
    }

    public static Shell.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Cli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Shell.Result(exitCode, out.toString(), err.toString());
    }
}
