package io.offloadctl.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads the body of every API request that announces one (PUT and POST over HTTP/1.x with a
 * Content-Length) whole on the event loop, before authentication and before RESTEasy. RESTEasy
 * reads bodies ahead only for non-blocking methods; for our blocking ones the worker thread would
 * otherwise pull a 21 KB report through a blocking stream chunk by chunk, each chunk a hand-over
 * between the event loop and the worker (measured with bench/api-fleet-load.sh, BENCHMARKS.md).
 * Not HTTP/2: RESTEasy pauses every request it starts, and pausing an HTTP/2 stream whose body has
 * been read fails ("Request has already been read"); offloadctl's agents speak HTTP/1.1.
 */
@ApplicationScoped
public class WholeRequestBodies {

    private final long limit;
    private final ObjectMapper json;

    public WholeRequestBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        BodyHandler wholeBody = BodyHandler.create(false).setBodyLimit(limit);
        router.route("/api/v1/*").method(HttpMethod.PUT).method(HttpMethod.POST).order(RouteConstants.ROUTE_ORDER_BODY_HANDLER)
                .handler(request -> {
                    // Without a length (chunked, or no body) the body handler would leave RESTEasy an empty
                    // body it then waits for; those stream as RESTEasy reads them, as HTTP/2 bodies do.
                    if (DeclaredBody.hasLength(request.request())) {
                        wholeBody.handle(request);
                    } else {
                        request.next();
                    }
                })
                .failureHandler(request -> {
                    try {
                        tooLarge(request);
                    } catch (JsonProcessingException e) {
                        request.next();
                    }
                });
    }

    /**
     * The body handler's refusal of a Content-Length beyond the HTTP layer's limit, as a 413 problem
     * (one between offloadctl.max-body-size and that limit is read and then refused by
     * {@link BodySizeLimit}). Any other failure goes on to Quarkus' handler.
     */
    private void tooLarge(RoutingContext request) throws JsonProcessingException {
        if (request.failure() != null || request.statusCode() != 413) {
            request.next();
            return;
        }
        Problem problem = ApiException.tooLarge("the body exceeds " + limit + " bytes").toProblem(request.normalizedPath());
        request.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
    }
}
