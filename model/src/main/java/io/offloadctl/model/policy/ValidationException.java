package io.offloadctl.model.policy;

import java.util.List;
import java.util.stream.Collectors;

import io.offloadctl.model.ErrorKind;
import io.offloadctl.model.OffloadException;

/** A request body (a policy, a token request) that cannot be accepted, with every field that is wrong. */
public final class ValidationException extends OffloadException {

    private final List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(ErrorKind.INVALID_ARGUMENT, violations.stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
