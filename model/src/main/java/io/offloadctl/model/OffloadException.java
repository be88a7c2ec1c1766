package io.offloadctl.model;

/** The one exception offloadctl raises: a kind that callers map, and a message meant for people. */
public class OffloadException extends RuntimeException {

    private final ErrorKind kind;

    public OffloadException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public OffloadException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
