package io.offloadctl.node.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.offloadctl.node.cli.Cli;
import picocli.CommandLine;

/**
 * Runs offloadctl, capturing out, err and exit code: in this JVM through the same factory main
 * uses, or, when the system property {@value #BINARY} names a built binary (the native image),
 * as that program. The kernel-facing tests run both ways (run-tests: the native suite).
 */
public final class CliRun {

    /** The path of an offloadctl executable to run instead of the in-JVM command line. */
    public static final String BINARY = "offloadctl.test.binary";

    private CliRun() {
    }

    /** The binary the tests run, or null for the in-JVM command line. */
    public static Path binary() {
        String configured = System.getProperty(BINARY);
        if (configured == null || configured.isBlank()) {
            return null;
        }
        Path binary = Path.of(configured).toAbsolutePath();
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(BINARY + "=" + configured + " is not an executable file");
        }
        return binary;
    }

    /**
     * The command that starts offloadctl as a separate process (tests that change its privileges,
     * environment or Java options, or render scripts that call it): the binary under test, or this
     * JVM on the test class path. {@code systemProperties} ({@code -Dname=value}) go where each
     * reads them: before the main class for java, first among the arguments for a native image.
     */
    public static List<String> command(String... systemProperties) {
        List<String> command = new ArrayList<>();
        Path binary = binary();
        if (binary != null) {
            command.add(binary.toString());
            command.addAll(List.of(systemProperties));
            return command;
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(systemProperties));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CliProcessMain.class.getName()));
        return command;
    }

    public static Shell.Result run(String... args) {
        if (binary() != null) {
            List<String> command = new ArrayList<>(command());
            command.addAll(List.of(args));
            return Shell.run(command);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Cli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Shell.Result(exitCode, out.toString(), err.toString());
    }
}
