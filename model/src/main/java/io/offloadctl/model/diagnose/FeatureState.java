package io.offloadctl.model.diagnose;

import io.offloadctl.model.report.FeatureReport;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A state a rule asks of a feature, or of every member of a legacy group: {@code on} holds when
 * any member is active (as the group lines of ethtool -k), {@code off} when every member is
 * inactive, {@code wanted-but-off} when a member is requested but not active (ethtool's
 * [requested on]), {@code requested-off} when no member is requested.
 */
enum FeatureState {
    ON("on", true, FeatureReport::active),
    OFF("off", false, f -> !f.active()),
    WANTED_BUT_OFF("wanted-but-off", true, f -> f.requested() && !f.active()),
    REQUESTED_OFF("requested-off", false, f -> !f.requested());

    private final String word;
    private final boolean anyMember;
    private final Predicate<FeatureReport> test;

    FeatureState(String word, boolean anyMember, Predicate<FeatureReport> test) {
        this.word = word;
        this.anyMember = anyMember;
        this.test = test;
    }

    String word() {
        return word;
    }

    boolean holds(Collection<FeatureReport> members) {
        if (members.isEmpty()) {
            return false;
        }
        return anyMember ? members.stream().anyMatch(test) : members.stream().allMatch(test);
    }

    static Optional<FeatureState> of(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
    }

    static String words() {
        return Arrays.stream(values()).map(FeatureState::word).collect(Collectors.joining(", "));
    }
}
