package io.offloadctl.model.diagnose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The rules offloadctl diagnoses with; {@link #builtIn()} is the set shipped in rules.yaml. */
public record RuleBook(List<Rule> rules) {

    private static final String BUILT_IN = "/io/offloadctl/model/diagnose/rules.yaml";

    public RuleBook {
        rules = List.copyOf(rules);
    }

    public static RuleBook builtIn() {
        return Holder.BUILT_IN_BOOK;
    }

    /** The driver statistics (ethtool -S names, '*' wildcards) the rules read: what agents report of each driver's. */
    public java.util.Set<String> driverStatisticNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        rules.forEach(rule -> rule.alternatives().forEach(conditions -> conditions.forEach(condition -> {
            if (condition instanceof DriverStatisticCondition statistics) {
                names.addAll(statistics.names());
            }
        })));
        return names;
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static final class Holder {
        static final RuleBook BUILT_IN_BOOK = load();

        private static RuleBook load() {
            try (InputStream in = RuleBook.class.getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in rules " + BUILT_IN + " are missing from the class path");
                }
                return new RuleBookLoader().load(in, "rules.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
