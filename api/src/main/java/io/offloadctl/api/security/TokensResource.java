package io.offloadctl.api.security;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.offloadctl.api.problem.Problem;

/** API tokens, managed by admins. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tokens", description = "API tokens and their roles")
@RolesAllowed(Role.ADMIN)
public class TokensResource {

    private final TokenStore tokens;

    public TokensResource(TokenStore tokens) {
        this.tokens = tokens;
    }

    @GET
    @Operation(operationId = "listTokens", summary = "List tokens", description = "Every token, without its value.")
    @APIResponse(responseCode = "200", description = "The tokens.")
    public List<TokenView> list() {
        return tokens.list();
    }

    @GET
    @Path("/self")
    @RolesAllowed({Role.ADMIN, Role.VIEWER, Role.AGENT, Role.ENROLLER})
    @Operation(operationId = "currentToken", summary = "The token of this request",
            description = "The token the request was made with: its id, name, role and (for agents) node, never its value. "
                    + "For any role: a client (the dashboard) learns what it may do before it offers to do it.")
    @APIResponse(responseCode = "200", description = "The token.")
    public TokenView self(@Context SecurityContext security) {
        return tokens.find(TokenIdentityProvider.tokenId(security.getUserPrincipal()));
    }

    @POST
    @Operation(operationId = "createToken", summary = "Create a token",
            description = "Creates a token for a role (agent tokens are bound to one node). The value is in this answer only.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NewToken.class), examples = @ExampleObject(name = "agent",
            value = "{\"name\": \"agent on hv-017\", \"role\": \"agent\", \"node\": \"hv-017\"}")))
    @APIResponse(responseCode = "201", description = "Created; the token value is shown once.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenView.class)))
    @APIResponse(responseCode = "422", description = "The request is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(NewToken request) {
        return Response.status(Response.Status.CREATED).entity(tokens.create(request)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke a token", description = "The token stops working at once.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "404", description = "No such token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is the last active admin token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@Parameter(description = "Token id.", example = "3") @PathParam("id") long id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}
