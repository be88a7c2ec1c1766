package io.offloadctl.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The closest known names to a mistyped one, for "did you mean" hints. */
public final class NameSuggestions {

    private static final int MAX_SUGGESTIONS = 3;

    private NameSuggestions() {
    }

    public static List<String> closest(String typed, Collection<String> known) {
        int tolerance = Math.max(2, typed.length() / 3);
        return known.stream()
                .distinct()
                .filter(name -> name.contains(typed) || distance(typed, name) <= tolerance)
                .sorted(Comparator.comparingInt((String name) -> distance(typed, name)).thenComparing(name -> name))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
