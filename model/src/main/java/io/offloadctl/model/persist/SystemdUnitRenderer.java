package io.offloadctl.model.persist;

/** A oneshot systemd service, ordered before the network comes up. */
final class SystemdUnitRenderer implements PersistRenderer {

    private final PersistCommands commands;

    SystemdUnitRenderer(PersistCommands commands) {
        this.commands = commands;
    }

    @Override
    public String render(PersistPlan plan) {
        StringBuilder out = new StringBuilder("""
                # /etc/systemd/system/offloadctl-%1$s.service
                # Enable with: systemctl daemon-reload && systemctl enable --now offloadctl-%1$s.service
                %2$s[Unit]
                Description=offloadctl: NIC offload settings "%1$s"
                Wants=network-pre.target
                Before=network-pre.target
                After=systemd-udev-settle.service

                [Service]
                Type=oneshot
                RemainAfterExit=yes
                """.formatted(plan.name(), plan.noteComments()));
        for (PersistPlan.Item item : plan.items()) {
            if (item.target().isSingleInterface()) {
                // ExecStart= runs no shell: one line per command (a oneshot service takes several).
                commands.lines(item).forEach(command -> out.append("ExecStart=").append(command).append('\n'));
            } else {
                out.append("ExecStart=/bin/sh -c '").append(escape(commands.oneLine(item))).append("'\n");
            }
        }
        return out.append("""

                [Install]
                WantedBy=multi-user.target
                """).toString();
    }

    /** systemd expands $ and % itself: double them so the shell receives them. */
    private static String escape(String command) {
        return command.replace("%", "%%").replace("$", "$$");
    }
}
