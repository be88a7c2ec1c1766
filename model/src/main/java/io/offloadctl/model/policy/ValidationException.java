package io.offloadctl.model.policy;

import java.util.List;
import java.util.stream.Collectors;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/** A request body (a policy, a token request) that cannot be accepted, with every field that is wrong. */
public final class ValidationException extends OffloadException {

    private final List<Violation> violations;

    /** At most this many violations are listed: the answer to a hostile body stays small. */
    public static final int MAX_LISTED = 50;

    public ValidationException(List<Violation> violations) {
        super(ErrorKind.INVALID_ARGUMENT, listed(violations).stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; ")));
        this.violations = listed(violations);
    }

    private static List<Violation> listed(List<Violation> all) {
        if (all.size() <= MAX_LISTED) {
            return List.copyOf(all);
        }
        List<Violation> listed = new java.util.ArrayList<>(all.subList(0, MAX_LISTED));
        listed.add(new Violation("", (all.size() - MAX_LISTED) + " more violations are not listed"));
        return List.copyOf(listed);
    }

    public List<Violation> violations() {
        return violations;
    }
}
