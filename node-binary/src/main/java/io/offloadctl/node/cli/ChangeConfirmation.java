package io.offloadctl.node.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;
import picocli.CommandLine.Option;

/**
 * {@code --dry-run} and {@code --yes} of the verbs whose changes disrupt traffic (channels and rings
 * restart the device's queues, pause renegotiates the link, on many drivers): what a change does is
 * said before it is made. A dry run shows
 * what would change and changes nothing; at a terminal the change is asked for unless {@code --yes};
 * elsewhere (scripts written for ethtool) it is said on standard error and made.
 */
public final class ChangeConfirmation {

    @Option(names = "--dry-run", description = "Show what would change (checked against the driver as a change is) and change nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Make a change that disrupts traffic (restarts the device's queues, renegotiates "
            + "the link) without asking or warning.")
    boolean yes;

    /** What a change of channels or rings does on many drivers. */
    static final String RESTARTS_QUEUES = "restarts its queues on many drivers: traffic through it stops while they come back";
    /** What a change of pause does on many drivers. */
    static final String RENEGOTIATES_LINK = "renegotiates the link on many drivers: it goes down for a moment";

    /** "rx 4 -> 2, tx 4 -> 3": each setting named, as it is and as it would be; "nothing to change" when none differs. */
    static String describe(Map<String, Long> current, Map<String, Long> wanted) {
        Map<String, String> changes = new LinkedHashMap<>();
        wanted.forEach((name, value) -> {
            Long now = current.get(name);
            if (!value.equals(now)) {
                changes.put(name, (now == null ? "n/a" : now) + " -> " + value);
            }
        });
        return changes.isEmpty() ? "nothing to change" : String.join(", ", changes.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    /** Whether a standard stream is a terminal: /proc/self/fd/N names a tty or pseudo-terminal. */
    static boolean terminal(int fd) {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * Whether to make a change of {@code what} on {@code interfaceName} that does {@code disruption}:
     * false for a dry run (the plan is printed by the caller); at a terminal without {@code --yes},
     * what the operator answers; otherwise true, with the warning on {@code err} unless {@code --yes}.
     */
    boolean proceed(String interfaceName, String what, String change, String disruption, PrintWriter err) {
        if (dryRun) {
            return false;
        }
        if (yes || change.equals("nothing to change")) {
            return true;
        }
        String warning = "Changing the " + what + " of '" + interfaceName + "' (" + change + ") " + disruption + ".";
        if (!terminal(0) || !terminal(2)) {
            err.println("offloadctl: " + warning);
            err.flush();
            return true;
        }
        err.print(warning + " Proceed? [y/N] ");
        err.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !(answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"))) {
            throw new OffloadException(ErrorKind.INVALID_ARGUMENT, "not changed: the " + what + " of '" + interfaceName
                    + "' stay as they are (--yes changes them without asking)");
        }
        return true;
    }
}
