package io.offloadctl.node.cli;

import java.io.PrintWriter;

import io.offloadctl.node.kernel.KernelSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import io.offloadctl.node.kernel.NetworkNamespace;
import picocli.CommandLine.Spec;

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
