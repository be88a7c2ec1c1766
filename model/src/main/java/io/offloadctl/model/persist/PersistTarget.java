package io.offloadctl.model.persist;

import java.util.List;

/**
 * Which interfaces a persisted setting applies to: a name or a glob (eno*), optionally only those
 * bound to one of some drivers.
 */
public record PersistTarget(String interfaceGlob, List<String> drivers) {

    public PersistTarget {
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
    }

    public static PersistTarget named(String name) {
        return new PersistTarget(name, List.of());
    }

    /** A plain interface name, not a pattern: it can be used as it is in a command. */
    public boolean isSingleInterface() {
        return drivers.isEmpty() && interfaceGlob.chars().noneMatch(c -> c == '*' || c == '?' || c == '[');
    }
}
