package io.offloadctl.model.persist;

import java.util.List;
import java.util.Map;

/**
 * A Harvester {@code node.harvesterhci.io/v1beta1} CloudInit resource: Harvester copies it to the
 * nodes its matchSelector picks and runs the commands in the network stage of every boot.
 */
final class HarvesterCloudInitRenderer implements PersistRenderer {

    private final PersistCommands commands;

    HarvesterCloudInitRenderer(PersistCommands commands) {
        this.commands = commands;
    }

    @Override
    public String render(PersistPlan plan) {
        StringBuilder out = new StringBuilder(plan.noteComments()).append("""
                apiVersion: node.harvesterhci.io/v1beta1
                kind: CloudInit
                metadata:
                  name: offloadctl-%1$s
                spec:
                """.formatted(plan.name()));
        if (plan.nodeLabels().isEmpty()) {
            out.append("  matchSelector: {}\n");
        } else {
            out.append("  matchSelector:\n");
            for (Map.Entry<String, String> label : plan.nodeLabels().entrySet()) {
                out.append("    ").append(quote(label.getKey())).append(": ").append(quote(label.getValue())).append('\n');
            }
        }
        out.append("  filename: 99_offloadctl_").append(plan.name().replace('-', '_')).append(".yaml\n");
        out.append("""
                  contents: |
                    stages:
                      network:
                        - commands:
                """);
        for (PersistPlan.Item item : plan.items()) {
            List<String> lines = item.target().isSingleInterface() ? commands.lines(item) : List.of(commands.oneLine(item));
            lines.forEach(line -> out.append("            - ").append(quote(line)).append('\n'));
        }
        return out.toString();
    }

    /** A YAML single-quoted scalar: nothing in it is special but the quote itself. */
    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
