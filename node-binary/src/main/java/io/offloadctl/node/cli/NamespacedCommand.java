package io.offloadctl.node.cli;

import java.io.PrintWriter;

import io.offloadctl.node.kernel.KernelSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every verb that talks to the kernel shares: the namespace to open, --json, and its output. */
abstract class NamespacedCommand {

    @ParentCommand
    OffloadctlCommand top;

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption output;

    /** Sockets inside the namespace chosen with --netns (the current one by default). */
    KernelSession openSession() {
        return KernelSession.open(top.namespace());
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
