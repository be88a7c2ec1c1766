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
            String command = commands.oneLine(item);
            out.append("ExecStart=").append(item.target().isSingleInterface() ? command
                    : "/bin/sh -c '" + escape(command) + "'").append('\n');
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
