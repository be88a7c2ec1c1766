package io.offloadctl.node.cli;

import java.io.PrintWriter;
import java.util.List;

import io.offloadctl.model.OffloadException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Builds the one CommandLine that main and the tests use, with offloadctl's error handling. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new OffloadctlCommand())
                .setParameterExceptionHandler(Cli::usageError)
                .setExecutionExceptionHandler(new ErrorReporter());
        // ethtool takes "-x" as an interface name; these verbs check such names against the kernel
        // (NamespacedCommand.interfaceNamed), so a mistyped option still gets its suggestions
        for (String verb : List.of("show", "set", "info", "channels", "limits", "stats")) {
            commandLine.getSubcommands().get(verb).setUnmatchedOptionsArePositionalParams(true);
        }
        return commandLine;
    }

    /** A short message and where to read more, instead of the whole usage text. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("offloadctl: " + e.getMessage());
        // A mistyped verb or option: the closest ones the command has ("Did you mean: offloadctl show?").
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        String path = cmd.getCommandSpec().qualifiedName();
        err.println("See '" + path + " --help'");
        err.flush();
        return cmd.getCommand() instanceof ErrorExitCodes codes ? codes.usageExitCode() : ExitCodes.USAGE;
    }

    /** Prints an error in one line and maps it to the command's exit code. */
    private static final class ErrorReporter implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            if (!(e instanceof OffloadException error)) {
                err.println("offloadctl: internal error: " + e);
                e.printStackTrace(err);
                err.flush();
                return ExitCodes.FAILURE;
            }
            err.println("offloadctl: " + error.getMessage());
            for (Throwable suppressed : error.getSuppressed()) {
                err.println("offloadctl: also: " + suppressed.getMessage());
            }
            err.flush();
            return cmd.getCommand() instanceof ErrorExitCodes codes
                    ? codes.exitCodeFor(error.kind())
                    : ExitCodes.FAILURE;
        }
    }
}
