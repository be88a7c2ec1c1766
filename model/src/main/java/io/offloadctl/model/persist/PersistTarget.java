package io.offloadctl.model.persist;

import java.util.List;

/**
 * Which interfaces a persisted setting applies to: one interface by name, or those a glob (eno*)
 * matches, optionally only those bound to one of some drivers. Whether it is a name or a glob is
 * said, never guessed from its characters: the kernel allows '*' in a name.
 */
public record PersistTarget(String interfaceGlob, boolean glob, List<String> drivers) {

    public PersistTarget {
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
    }

    /** One interface, whatever characters its name has. */
    public static PersistTarget named(String name) {
        return new PersistTarget(name, false, List.of());
    }

    /** The interfaces a policy's glob matches, with its drivers. */
    public static PersistTarget matching(String glob, List<String> drivers) {
        return new PersistTarget(glob, true, drivers);
    }

    /** What an operator typed: a glob when it has wildcards or comes with drivers, else one interface. */
    public static PersistTarget typed(String text, List<String> drivers) {
        boolean wildcards = text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[');
        return wildcards || drivers != null && !drivers.isEmpty() ? matching(text, drivers) : named(text);
    }

    /** One interface, or a glob without wildcards and drivers: it can be used as it is in a command. */
    public boolean isSingleInterface() {
        return drivers.isEmpty() && (!glob || interfaceGlob.chars().noneMatch(c -> c == '*' || c == '?' || c == '['));
    }
}
