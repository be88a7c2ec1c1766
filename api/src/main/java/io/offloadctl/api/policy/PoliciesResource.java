package io.offloadctl.api.policy;

import jakarta.ws.rs.QueryParam;
import io.offloadctl.api.render.RenderResponses;
import io.offloadctl.api.render.RenderService;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.offloadctl.api.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.offloadctl.api.problem.Problem;
import io.offloadctl.model.policy.Policy;

/** Policies: what operators want of the fleet's offloads. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "policies", description = "Desired-state policies")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
public class PoliciesResource {

    private static final String EXAMPLE = """
            {"name": "bridge-ports-no-gro", "description": "bnxt_en behind a bridge: GRO/GSO collapse cross-node throughput",
             "priority": 100, "mode": "enforce",
             "selector": {"matchLabels": {"role": "hypervisor"}, "drivers": ["bnxt_en"]},
             "features": {"gro": false, "gso": false}}""";


    private final PolicyService policies;
    private final RenderService render;

    public PoliciesResource(PolicyService policies, RenderService render) {
        this.policies = policies;
        this.render = render;
    }

    @GET
    @Operation(operationId = "listPolicies", summary = "List policies", description = "Every policy, highest priority first.")
    @APIResponse(responseCode = "200", description = "The policies.")
    public List<StoredPolicy> list() {
        return policies.list();
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "createPolicy", summary = "Create a policy",
            description = "Legacy feature names (gro, gso, tso, lro, sg, ...) are accepted and stored as kernel names; unknown "
                    + "names are rejected with the closest valid ones. Every node is re-evaluated at once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Policy.class), examples = @ExampleObject(name = "no-gro", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created.", headers = {
            @Header(name = HttpHeaders.ETAG, description = "The policy's version, for If-Match.", schema = @Schema(implementation = String.class)),
            @Header(name = HttpHeaders.LOCATION, description = "The policy's URL.", schema = @Schema(implementation = String.class))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredPolicy.class)))
    @APIResponse(responseCode = "409", description = "A policy of that name exists.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The policy is invalid; every invalid field is listed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(Policy policy) {
        StoredPolicy stored = policies.create(policy);
        // A path, not an absolute URL: JAX-RS would build one from the client's Host header.
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, "/api/v1/policies/" + stored.id())
                .tag(stored.etag().replace("\"", "")).entity(stored).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPolicy", summary = "Get a policy", description = "The policy, with its version as ETag.")
    @APIResponse(responseCode = "200", description = "The policy.", headers = @Header(name = HttpHeaders.ETAG,
            description = "The policy's version, for If-Match.", schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredPolicy.class)))
    @APIResponse(responseCode = "404", description = "No such policy.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Policy id.", example = "7") @PathParam("id") long id) {
        StoredPolicy stored = policies.get(id);
        return Response.ok(stored).tag(stored.etag().replace("\"", "")).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "updatePolicy", summary = "Replace a policy",
            description = "Replaces the policy. With If-Match, the write only happens if the policy is still at that version.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Policy.class), examples = @ExampleObject(name = "no-gro", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced.", headers = @Header(name = HttpHeaders.ETAG,
            description = "The new version.", schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredPolicy.class)))
    @APIResponse(responseCode = "404", description = "No such policy.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another policy has the new name.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The policy changed since the version in If-Match.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The policy is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@Parameter(description = "Policy id.", example = "7") @PathParam("id") long id,
                           @Parameter(description = "The ETag read last, to refuse lost updates.", example = "\"3\"")
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           Policy policy) {
        StoredPolicy stored = policies.update(id, policy, ifMatch);
        return Response.ok(stored).tag(stored.etag().replace("\"", "")).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "deletePolicy", summary = "Delete a policy",
            description = "Deletes the policy (only at the If-Match version, when given). Every node is re-evaluated.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No such policy.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The policy changed since the version in If-Match.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "Policy id.", example = "7") @PathParam("id") long id,
                           @Parameter(description = "The ETag read last.", example = "\"3\"")
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        policies.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/preview")
    @Operation(operationId = "previewPolicy", summary = "Preview a policy",
            description = "Which nodes and interfaces the policy would select and which features it would change, "
                    + "as if it were saved (replacing a policy of the same name). Nothing is saved.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Policy.class), examples = @ExampleObject(name = "no-gro", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The preview.")
    @APIResponse(responseCode = "422", description = "The policy is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PolicyPreview preview(Policy policy) {
        return policies.preview(policy);
    }

    @GET
    @Path("/{id}/removal")
    @Operation(operationId = "previewPolicyRemoval", summary = "Preview a policy's removal",
            description = "What deleting the policy would do on every node, per interface and feature it decides in enforce "
                    + "mode: restored to the original the agent recorded (onRemove restore), kept as it is (onRemove keep), or "
                    + "taken over by another enforce-mode policy. Nothing is changed.")
    @APIResponse(responseCode = "200", description = "The effects, node by node.")
    @APIResponse(responseCode = "404", description = "No such policy.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RemovalPreview removal(@Parameter(description = "Policy id.", example = "7") @PathParam("id") long id) {
        return policies.removal(id);
    }

    @GET
    @Path("/{id}/render")
    @Produces({"text/plain", "text/x-shellscript", "application/yaml", Problem.MEDIA_TYPE})
    @Operation(operationId = "renderPolicy", summary = "Render a policy for persistence",
            description = "The policy's features for the interfaces its selector names (globs, drivers) as a Harvester "
                    + "CloudInit resource, a systemd unit, systemd-networkd .link files, NetworkManager commands, udev rules "
                    + "or a shell script. What a format cannot express is said in comments.")
    @APIResponse(responseCode = "200", description = "The artifact.", content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "udev", value = RenderResponses.EXAMPLE)),
            @Content(mediaType = "text/x-shellscript", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/yaml", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such policy.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown format or tool.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response policy(@Parameter(description = "Policy id.", example = "7") @PathParam("id") long id,
                           @Parameter(description = "One of " + RenderResponses.FORMATS + ".", example = "udev", required = true)
                           @QueryParam("format") String format,
                           @Parameter(description = "offloadctl or ethtool (default: ethtool for Harvester, offloadctl otherwise).",
                                   example = "offloadctl") @QueryParam("tool") String tool) {
        return RenderResponses.of(render.policy(id, format, tool));
    }

}
