package io.offloadctl.model.persist;

/** A POSIX sh script that applies the plan; every command runs even when one fails. */
final class ShellScriptRenderer implements PersistRenderer {

    private final PersistCommands commands;

    ShellScriptRenderer(PersistCommands commands) {
        this.commands = commands;
    }

    @Override
    public String render(PersistPlan plan) {
        StringBuilder out = new StringBuilder("""
                #!/bin/sh
                # offloadctl persistence "%s": run at boot, after the NICs exist (see the systemd and udev forms).
                set -u
                status=0
                """.formatted(plan.name())).append(plan.noteComments());
        for (PersistPlan.Item item : plan.items()) {
            var lines = commands.lines(item);
            if (lines.size() == 1) {
                out.append(lines.get(0)).append(" || status=1\n");
            } else {
                lines.forEach(line -> out.append(line.contains(commands.tool()) ? line + " || status=1" : line).append('\n'));
            }
        }
        return out.append("exit $status\n").toString();
    }
}
