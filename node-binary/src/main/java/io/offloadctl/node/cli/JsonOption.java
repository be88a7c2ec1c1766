package io.offloadctl.node.cli;

import picocli.CommandLine.Option;

/** The {@code --json} switch shared by every command that prints a result. */
public final class JsonOption {
    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;
}
