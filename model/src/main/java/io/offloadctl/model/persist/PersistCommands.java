package io.offloadctl.model.persist;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell commands that apply one plan item, with offloadctl or ethtool. A single interface is
 * one command; a glob or a driver list becomes a loop over /sys/class/net (drivers read from the
 * device's driver link, which physical NICs have).
 */
public record PersistCommands(String tool, boolean ethtool) {

    public static final String DEFAULT_OFFLOADCTL = "/usr/local/bin/offloadctl";
    public static final String DEFAULT_ETHTOOL = "/usr/sbin/ethtool";
    /** Where iproute2's ip is on Debian, SUSE (Harvester) and Fedora alike: ethtool cannot set size limits, ip link can. */
    public static final String DEFAULT_IP = "/sbin/ip";

    public static PersistCommands offloadctl(String path) {
        return new PersistCommands(path, false);
    }

    public static PersistCommands ethtool(String path) {
        return new PersistCommands(path, true);
    }

    /**
     * The commands for one interface, given as a shell word (a name, or "$dev"-style expansion):
     * the features ({@code set} / {@code -K}), then the channels ({@code channels} / {@code -L}), then
     * the size limits ({@code limits} / {@code ip link set dev}), the rings ({@code rings} / {@code -G}),
     * the coalescing ({@code coalesce} / {@code -C}) and the pause ({@code pause} / {@code -A}).
     */
    public List<String> commands(String interfaceWord, PersistPlan.Item item) {
        List<String> commands = new ArrayList<>();
        if (!item.features().isEmpty()) {
            commands.add(tool + (ethtool ? " -K " : " set ") + interfaceWord + " " + LegacyCompaction.arguments(item.features()));
        }
        if (!item.channels().isEmpty()) {
            commands.add(tool + (ethtool ? " -L " : " channels ") + interfaceWord + " " + item.channelArguments());
        }
        if (!item.limits().isEmpty()) {
            commands.add((ethtool ? DEFAULT_IP + " link set dev " : tool + " limits ") + interfaceWord + " " + item.limitArguments());
        }
        if (!item.rings().isEmpty()) {
            commands.add(tool + (ethtool ? " -G " : " rings ") + interfaceWord + " " + PersistPlan.Item.parameterArguments(item.rings()));
        }
        if (!item.coalesce().isEmpty()) {
            commands.add(tool + (ethtool ? " -C " : " coalesce ") + interfaceWord + " "
                    + PersistPlan.Item.parameterArguments(item.coalesce()));
        }
        if (!item.pause().isEmpty()) {
            commands.add(tool + (ethtool ? " -A " : " pause ") + interfaceWord + " " + PersistPlan.Item.parameterArguments(item.pause()));
        }
        return commands;
    }

    /** Lines of POSIX sh that apply the item; a loop for patterns. */
    public List<String> lines(PersistPlan.Item item) {
        PersistTarget target = item.target();
        if (target.isSingleInterface()) {
            return commands(RenderSafety.shellWord(target.interfaceGlob()), item);
        }
        List<String> lines = new ArrayList<>(List.of("for dev in /sys/class/net/" + target.interfaceGlob() + "; do",
                "  [ -e \"$dev\" ] || continue"));
        if (!target.drivers().isEmpty()) {
            lines.add("  case \"$(basename \"$(readlink -f \"$dev/device/driver\")\")\" in "
                    + String.join("|", target.drivers()) + ") ;; *) continue ;; esac");
        }
        commands("\"${dev##*/}\"", item).forEach(command -> lines.add("  " + command));
        lines.add("done");
        return lines;
    }

    /** The lines as one shell command line, for places that take a single command (a loop, or the commands of one interface joined). */
    public String oneLine(PersistPlan.Item item) {
        List<String> lines = lines(item);
        if (lines.size() == 1) {
            return lines.get(0);
        }
        StringBuilder line = new StringBuilder(lines.get(0).strip());
        for (String part : lines.subList(1, lines.size())) {
            line.append(line.toString().endsWith("do") ? " " : "; ").append(part.strip());
        }
        return line.toString();
    }
}
