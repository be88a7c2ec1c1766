package io.offloadctl.node.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.offloadctl.model.InterfaceNames;
import io.offloadctl.node.output.Json;

import io.offloadctl.node.kernel.KernelSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import io.offloadctl.node.kernel.NetworkNamespace;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** What every verb that talks to the kernel shares: the namespace to open, --json, and its output. */
abstract class NamespacedCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption output;

    /** The top command, whose options (--netns) every verb inherits, however deep it is nested. */
    OffloadctlCommand top() {
        return (OffloadctlCommand) spec.root().userObject();
    }

    /** The namespace chosen with --netns (the current one by default). */
    NetworkNamespace namespace() {
        return top().namespace();
    }

    /** "--netns NAME " when one was given, for commands printed for people to run; else "". */
    String netnsOption() {
        return top().netns == null ? "" : "--netns " + top().netns + " ";
    }

    /** Sockets inside the namespace chosen with --netns (the current one by default). */
    KernelSession openSession() {
        return KernelSession.open(namespace());
    }

    /**
     * ethtool takes an argument such as {@code -x} as an interface name, so show, set and info let
     * arguments that look like unknown options through as positional parameters (Cli). One that
     * names no interface of the namespace was a mistyped option after all: reported as picocli
     * reports one, with the closest options.
     */
    void rejectMistypedOptions(KernelSession session, List<String> names) {
        for (String name : names) {
            if (name.startsWith("-") && (InterfaceNames.lookupProblem(name) != null || session.links().named(name).isEmpty())) {
                throw new UnmatchedArgumentException(spec.commandLine(), List.of(name));
            }
        }
    }

    /** One interface read and printed: as {@code text} renders it (ethtool's form) or, with --json, as JSON. */
    <T> int printRead(String name, BiFunction<KernelSession, String, T> read, Function<T, String> text) {
        try (KernelSession session = openSession()) {
            rejectMistypedOptions(session, List.of(name));
            T value = read.apply(session, name);
            out().print(json() ? Json.write(value) : text.apply(value));
            out().flush();
            return ExitCodes.OK;
        }
    }

    boolean json() {
        return output.json;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
