package io.offloadctl.api.dashboard;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The server's root leads to the dashboard (static files under META-INF/resources/ui, public like
 * the contract: a page cannot send a bearer token; its calls carry the token its user enters).
 */
@Path("/")
@PermitAll
public class DashboardRedirect {

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/ui/")).build();
    }
}
