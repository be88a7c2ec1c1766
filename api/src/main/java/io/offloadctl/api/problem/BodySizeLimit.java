package io.offloadctl.api.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses bodies over the limit with a 413 problem before they are read, and PUTs and POSTs
 * without one (every PUT and POST of this API takes a body, except the actions that
 * {@link #BODILESS} names) with a 400 problem. The HTTP layer's
 * own limit (quarkus.http.limits.max-body-size) is set higher, as the backstop for bodies without a
 * Content-Length, because it answers with an empty body.
 */
public class BodySizeLimit {

    private final long limit;

    public BodySizeLimit(@ConfigProperty(name = "offloadctl.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request, HttpServerRequest http) {
        String length = request.getHeaderString("Content-Length");
        if (takesBody(request) && DeclaredBody.isAbsent(http)) {
            return ProblemMappers.respond(Problem.of(400, "missing-body", "Bad request",
                    "this operation needs a JSON request body", request.getUriInfo().getPath()));
        }
        if (length == null) {
            return null;
        }
        try {
            if (Long.parseLong(length.strip()) <= limit) {
                return null;
            }
        } catch (NumberFormatException e) {
            return ProblemMappers.respond(Problem.of(400, "bad-content-length", "Bad request", "Content-Length is not a number",
                    request.getUriInfo().getPath()));
        }
        return ProblemMappers.respond(ApiException.tooLarge("the body is " + length + " bytes; this API accepts at most " + limit)
                .toProblem(request.getUriInfo().getPath()));
    }

    /** POSTs that are actions without a body (one sent is not read): a node's retry, a rollout's pause, resume and abort. */
    static final java.util.regex.Pattern BODILESS = java.util.regex.Pattern.compile("/api/v1/(nodes/[^/]+/(retry|enrollment)|policies/[0-9]+/rollout/(pause|resume|abort))/?");

    private static boolean takesBody(ContainerRequestContext request) {
        return "PUT".equals(request.getMethod())
                || "POST".equals(request.getMethod()) && !BODILESS.matcher(request.getUriInfo().getPath()).matches();
    }
}
