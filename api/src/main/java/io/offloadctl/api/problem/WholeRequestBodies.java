package io.offloadctl.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads the body of every API request that carries one (PUT, POST) whole on the event loop, before
 * authentication and before RESTEasy. RESTEasy reads bodies ahead only for non-blocking methods; for
 * our blocking ones the worker thread would otherwise pull a 21 KB report through a blocking stream
 * chunk by chunk, each chunk a hand-over between the event loop and the worker (measured with
 * bench/api-fleet-load.sh, BENCHMARKS.md). The limit is the HTTP layer's; {@link BodySizeLimit}
 * answers oversized bodies with a problem before any of this.
 * HTTP/1.x only: RESTEasy pauses every request it starts, and pausing an HTTP/2 stream whose body
 * has been read fails ("Request has already been read"), so HTTP/2 bodies stream as RESTEasy reads
 * them. offloadctl's agents speak HTTP/1.1.
 */
@ApplicationScoped
public class WholeRequestBodies {

    void install(@Observes Router router, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        BodyHandler wholeBody = BodyHandler.create(false).setBodyLimit(limit.asLongValue());
        router.route("/api/v1/*").method(HttpMethod.PUT).method(HttpMethod.POST).order(RouteConstants.ROUTE_ORDER_BODY_HANDLER)
                .handler(request -> {
                    if (request.request().version() == HttpVersion.HTTP_2) {
                        request.next();
                    } else {
                        wholeBody.handle(request);
                    }
                });
    }
}
