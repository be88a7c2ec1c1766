package io.offloadctl.model.persist;

import java.util.regex.Pattern;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.InterfaceNames;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.Labels;
import io.offloadctl.model.policy.Selector;

/**
 * What may go into a rendered artifact, checked once before any format renders a plan. Names that
 * hosts reported (an interface may be called {@code x;touch${IFS}Z}: the kernel allows it) are data
 * here, never syntax: the shell forms quote them ({@link #shellWord}); the unit-file forms (systemd,
 * udev, networkd), whose quoting, specifiers (%) and globs differ from the shell's, take only names of
 * letters, digits and {@code . _ @ + -} and refuse any other with the reason. No format takes a name
 * that begins with '-' (a command would read it as an option).
 */
public final class RenderSafety {

    /** A name every format carries as it is: no quoting, glob, specifier or expansion in any of them. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._@+][A-Za-z0-9._@+-]*");
    private static final Pattern FEATURE = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");
    private static final Pattern ARTIFACT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");

    private RenderSafety() {
    }

    public static void check(PersistPlan plan, PersistFormat format) {
        if (!ARTIFACT.matcher(plan.name()).matches()) {
            throw refuse(format, "artifact name '" + InterfaceNames.printable(plan.name())
                    + "' (letters, digits, '.', '_', '-'; it names files and units)");
        }
        plan.nodeLabels().forEach((key, value) -> {
            String problem = Labels.keyProblem(key) != null ? Labels.keyProblem(key) : Labels.valueProblem(value);
            if (problem != null) {
                throw refuse(format, problem);
            }
        });
        for (PersistPlan.Item item : plan.items()) {
            check(item.target(), format);
            item.features().keySet().stream().filter(f -> !FEATURE.matcher(f).matches()).findFirst().ifPresent(f -> {
                throw refuse(format, "feature name '" + InterfaceNames.printable(f) + "'");
            });
        }
    }

    private static void check(PersistTarget target, PersistFormat format) {
        String pattern = target.interfaceGlob();
        if (target.glob()) {
            if (!Selector.GLOB.matcher(pattern).matches()) {
                throw refuse(format, "interface glob '" + InterfaceNames.printable(pattern)
                        + "' (1 to 64 letters, digits, '.', '_', '@', '+', '-' and the wildcards '*', '?', '[...]'; not beginning with '-')");
            }
        } else {
            String problem = InterfaceNames.problem(pattern);
            if (problem != null) {
                throw refuse(format, problem);
            }
            if (pattern.startsWith("-")) {
                throw refuse(format, "interface name '" + InterfaceNames.printable(pattern) + "', which begins with '-'");
            }
            if (!shellQuoted(format) && !PLAIN_NAME.matcher(pattern).matches()) {
                throw refuse(format, "interface name '" + InterfaceNames.printable(pattern) + "': a " + format.wire()
                        + " file cannot carry it safely (only letters, digits, '.', '_', '@', '+', '-'); use the shell or "
                        + "networkmanager form, which quote it");
            }
        }
        target.drivers().stream().filter(d -> !Selector.DRIVER.matcher(d).matches()).findFirst().ifPresent(d -> {
            throw refuse(format, "driver name '" + InterfaceNames.printable(d) + "'");
        });
    }

    /**
     * Refuses a target that a format can carry only by its exact name (Talos, nmstate): a glob or
     * drivers, which a node's desired state resolves to names instead.
     */
    static void requireNamed(PersistTarget target, PersistFormat format, String because) {
        if (!target.isSingleInterface()) {
            throw refuse(format, because + ", and '" + target.interfaceGlob() + "'"
                    + (target.drivers().isEmpty() ? "" : " with driver " + String.join(" or ", target.drivers()))
                    + " selects by glob or driver; render a node's desired state instead, which names its interfaces");
        }
    }

    /** The formats whose commands are POSIX sh, where {@link #shellWord} quotes any name. */
    private static boolean shellQuoted(PersistFormat format) {
        return format == PersistFormat.SHELL || format == PersistFormat.NETWORKMANAGER || format == PersistFormat.HARVESTER_CLOUDINIT;
    }

    /** A POSIX sh word that is exactly {@code name}: as it is when plain, else in single quotes. */
    public static String shellWord(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : "'" + name.replace("'", "'\\''") + "'";
    }

    private static OffloadException refuse(PersistFormat format, String what) {
        return new OffloadException(ErrorKind.INVALID_ARGUMENT, "cannot render " + format.wire() + ": " + what);
    }
}
