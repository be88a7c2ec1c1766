package io.offloadctl.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

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
                e.getOriginalMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        Throwable cause = e.getCause() instanceof JsonProcessingException json ? json : null;
        String detail = cause != null ? ((JsonProcessingException) cause).getOriginalMessage() : e.getMessage();
        return respond(Problem.of(status, "http-" + status, title, detail, path(uri)));
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
