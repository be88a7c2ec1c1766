package io.offloadctl.model;

/** What went wrong, in the few kinds that callers (CLI exit codes, HTTP status) act on. */
public enum ErrorKind {
    /** The caller asked for something malformed or contradictory; nothing was done. */
    INVALID_ARGUMENT(false),
    /** An interface, namespace or feature that does not exist. */
    NOT_FOUND(false),
    /** The kernel or driver cannot do it (fixed feature, unsupported command). */
    NOT_SUPPORTED(false),
    /** Root or CAP_NET_ADMIN is needed. */
    PERMISSION(false),
    /** The kernel refused or failed a call in a way that may pass on a later try. */
    KERNEL(true),
    /** A change was applied but a fresh read does not show what was asked for. */
    VERIFICATION(true),
    /** A defect in offloadctl itself. */
    BUG(false);

    private final boolean retryable;

    ErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
