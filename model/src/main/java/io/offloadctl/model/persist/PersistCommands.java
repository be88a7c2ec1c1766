package io.offloadctl.model.persist;

import java.util.List;

/**
 * The shell commands that apply one plan item, with offloadctl or ethtool. A single interface is
 * one command; a glob or a driver list becomes a loop over /sys/class/net (drivers read from the
 * device's driver link, which physical NICs have).
 */
public record PersistCommands(String tool, boolean ethtool) {

    public static final String DEFAULT_OFFLOADCTL = "/usr/local/bin/offloadctl";
    public static final String DEFAULT_ETHTOOL = "/usr/sbin/ethtool";

    public static PersistCommands offloadctl(String path) {
        return new PersistCommands(path, false);
    }

    public static PersistCommands ethtool(String path) {
        return new PersistCommands(path, true);
    }

    /** The command for one interface, given as a shell word (a name, or "$dev"-style expansion). */
    public String command(String interfaceWord, PersistPlan.Item item) {
        return tool + (ethtool ? " -K " : " set ") + interfaceWord + " " + LegacyCompaction.arguments(item.features());
    }

    /** Lines of POSIX sh that apply the item; a loop for patterns. */
    public List<String> lines(PersistPlan.Item item) {
        PersistTarget target = item.target();
        if (target.isSingleInterface()) {
            return List.of(command(RenderSafety.shellWord(target.interfaceGlob()), item));
        }
        String loop = "for dev in /sys/class/net/" + target.interfaceGlob() + "; do";
        String exists = "  [ -e \"$dev\" ] || continue";
        String apply = "  " + command("\"${dev##*/}\"", item);
        if (target.drivers().isEmpty()) {
            return List.of(loop, exists, apply, "done");
        }
        String drivers = "  case \"$(basename \"$(readlink -f \"$dev/device/driver\")\")\" in "
                + String.join("|", target.drivers()) + ") ;; *) continue ;; esac";
        return List.of(loop, exists, drivers, apply, "done");
    }

    /** The same as one line, for places that take a single command. */
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
