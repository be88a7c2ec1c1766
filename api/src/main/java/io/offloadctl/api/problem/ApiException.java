package io.offloadctl.api.problem;

/** An error the API answers with a given status (409, 412, 428, ...), carried to the problem mapper. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;

    public ApiException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not-found", "Not found", what);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail);
    }

    /** A request body beyond offloadctl.max-body-size, however it was found out (declared length, counted bytes). */
    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "too-large", "Request body too large", detail);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "precondition-failed", "Precondition failed", detail);
    }

    public Problem toProblem(String instance) {
        return Problem.of(status, slug, title, getMessage(), instance);
    }
}
