package io.offloadctl.model.persist;

import java.util.List;

/** udev rules that apply the settings whenever a matching NIC appears: at boot and after every driver reload. */
final class UdevRuleRenderer implements PersistRenderer {

    private final PersistCommands commands;

    UdevRuleRenderer(PersistCommands commands) {
        this.commands = commands;
    }

    @Override
    public String render(PersistPlan plan) {
        StringBuilder out = new StringBuilder("# /etc/udev/rules.d/70-offloadctl-" + plan.name() + ".rules\n"
                + "# Reload with: udevadm control --reload && udevadm trigger --subsystem-match=net --action=add\n" + plan.noteComments());
        for (PersistPlan.Item item : plan.items()) {
            List<String> drivers = item.target().drivers().isEmpty() ? java.util.Collections.singletonList(null) : item.target().drivers();
            for (String driver : drivers) {
                out.append("ACTION==\"add\", SUBSYSTEM==\"net\", KERNEL==\"").append(item.target().interfaceGlob()).append('"');
                if (driver != null) {
                    out.append(", DRIVERS==\"").append(driver).append('"');
                }
                // RUN+= runs no shell: one assignment per command.
                commands.commands("%k", item).forEach(command -> out.append(", RUN+=\"").append(command).append('"'));
                out.append('\n');
            }
        }
        return out.toString();
    }
}
