package io.offloadctl.node.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import io.offloadctl.node.output.Json;

import io.offloadctl.node.ffi.LinkRecord;
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
     * The interface's own name for a name given on the command line, its own or an alternative one
     * (ethtool finds both and prints the own): the one lookup a given name gets, here where names
     * come in. ethtool takes an argument such as {@code -x} as an interface name, so these verbs
     * let arguments that look like unknown options through as positional parameters (Cli); one that
     * names no interface was a mistyped option after all, and is reported as picocli reports one,
     * with the closest options.
     */
    String interfaceNamed(KernelSession session, String given) {
        return linkNamed(session, given).name();
    }

    /** The link {@code given} names, as {@link #interfaceNamed} finds it. */
    LinkRecord linkNamed(KernelSession session, String given) {
        try {
            return session.link(given);
        } catch (OffloadException e) {
            if (given.startsWith("-") && (e.kind() == ErrorKind.NOT_FOUND || e.kind() == ErrorKind.INVALID_ARGUMENT)) {
                throw mistypedOption(given);
            }
            throw e;
        }
    }

    /** An argument that looks like an option this verb does not have, with picocli's suggestions. */
    UnmatchedArgumentException mistypedOption(String argument) {
        return new UnmatchedArgumentException(spec.commandLine(), List.of(argument));
    }

    /** One interface read and printed: as {@code text} renders it (ethtool's form) or, with --json, as JSON. */
    <T> int printRead(String given, BiFunction<KernelSession, String, T> read, Function<T, String> text) {
        try (KernelSession session = openSession()) {
            T value = read.apply(session, interfaceNamed(session, given));
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
