package io.offloadctl.api.problem;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses a ';' in a request path. JAX-RS reads "nodes/a;b" as node "a" with a matrix parameter b and
 * acts on node "a"; no name this API knows (host names, policy ids, formats) contains one.
 */
public class NoMatrixParameters {

    @ServerRequestFilter(preMatching = true)
    public Response check(HttpServerRequest http) {
        if (http.path() == null || http.path().indexOf(';') < 0) {
            return null;
        }
        return ProblemMappers.respond(Problem.of(400, "bad-path", "Bad request",
                "';' is not allowed in a path (no name this API knows contains one)", null));
    }
}
