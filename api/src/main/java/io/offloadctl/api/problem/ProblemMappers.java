package io.offloadctl.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.offloadctl.api.json.JsonProblems;
import io.offloadctl.model.OffloadException;
import io.offloadctl.model.policy.ValidationException;

/** Every error becomes an RFC 9457 problem+json answer, here and nowhere else. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "this token's role does not allow this operation" : e.getMessage();
        return respond(Problem.of(403, "forbidden", "Forbidden", detail, path(uri)));
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(401, "unauthorized", "Unauthorized",
                        "send a valid token: 'Authorization: Bearer TOKEN'", path(uri))))
                .header("WWW-Authenticate", "Bearer realm=\"offloadctl\"").build();
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        return respond(Problem.of(422, "validation", "Request body is invalid", e.getMessage(), path(uri))
                .withViolations(e.violations()));
    }

    @ServerExceptionMapper
    public Response offload(OffloadException e, UriInfo uri) {
        int status = switch (e.kind()) {
            case INVALID_ARGUMENT -> 422;
            case NOT_FOUND -> 404;
            case PERMISSION -> 403;
            case NOT_SUPPORTED -> 422;
            default -> 500;
        };
        return respond(Problem.of(status, e.kind().name().toLowerCase().replace('_', '-'), e.kind().name(), e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response constraints(jakarta.validation.ConstraintViolationException e, UriInfo uri) {
        java.util.List<io.offloadctl.model.policy.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new io.offloadctl.model.policy.Violation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(io.offloadctl.model.policy.Violation::field))
                .toList();
        return respond(Problem.of(400, "bad-parameter", "Bad request parameter",
                violations.stream().map(v -> v.field() + ": " + v.message()).collect(java.util.stream.Collectors.joining("; ")),
                path(uri)).withViolations(violations));
    }

    /** "list.size" for a query parameter named size of method list: the parameter name is what callers know. */
    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** Quarkus maps this one itself unless told otherwise: a value of the wrong type ("gro": "maybe"). */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(400, "malformed-body", "Request body is not valid JSON for this operation",
                JsonProblems.describe(e), path(uri)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof ApiException parameter) {
            return api(parameter, uri); // a query or path value QueryParameters refused
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = e.getCause() instanceof JsonProcessingException json ? JsonProblems.describe(json) : e.getMessage();
        return respond(Problem.of(status, "http-" + status, title, detail, path(uri)));
    }

    /** A unique key taken by a concurrent write (the checks before the write normally answer 409 themselves). */
    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        LOG.warn("constraint: " + e.getMessage());
        return respond(Problem.of(409, "conflict", "Conflict", "a concurrent write took what this one needed ("
                + e.getConstraintName() + "); read again and retry", path(uri)));
    }

    /** A write that waited too long for a row another write held (H2's LOCK_TIMEOUT): try again. */
    @ServerExceptionMapper({jakarta.persistence.PessimisticLockException.class, jakarta.persistence.LockTimeoutException.class,
            org.hibernate.PessimisticLockException.class})
    public Response busy(RuntimeException e, UriInfo uri) {
        LOG.warn("lock wait ended: " + e.getMessage());
        return Response.fromResponse(respond(Problem.of(503, "busy", "Busy",
                "a concurrent write held what this one needs for too long; retry", path(uri)))).header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("unexpected error", e);
        return respond(Problem.of(500, "internal", "Internal error", "the server failed; see its log", path(uri)));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
