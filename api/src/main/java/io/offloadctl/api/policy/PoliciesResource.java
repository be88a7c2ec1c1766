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
import io.offloadctl.api.rollout.RolloutService;
import io.offloadctl.api.rollout.RolloutView;
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
    private final RolloutService rollouts;

    public PoliciesResource(PolicyService policies, RenderService render, RolloutService rollouts) {
        this.policies = policies;
        this.render = render;
        this.rollouts = rollouts;
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
                    + "names are rejected with the closest valid ones. An audit-mode policy reaches every node at once; an "
                    + "enforce-mode one rolls out in waves (its `rollout`; GET /api/v1/policies/{id}/rollout follows it).")
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
            description = "Replaces the policy. With If-Match, the write only happens if the policy is still at that version. "
                    + "A change that changes hosts (enforce mode before or after it) rolls out in waves; refused (409) while nodes "
                    + "still wait for a wave of an earlier change of the policy.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Policy.class), examples = @ExampleObject(name = "no-gro", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced.", headers = @Header(name = HttpHeaders.ETAG,
            description = "The new version.", schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredPolicy.class)))
    @APIResponse(responseCode = "404", description = "No such policy.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another policy has the new name, or an earlier change of it is still rolling out.",
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
            description = "Deletes the policy (only at the If-Match version, when given). Under onRemove restore the "
                    + "originals come back in waves (a rollout, under the policy's id); under keep nothing changes on the hosts "
                    + "and every node is re-evaluated at once.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", description = "An earlier change of the policy is still rolling out.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
    @Produces({"text/plain", "text/x-shellscript", "application/yaml", "application/json", Problem.MEDIA_TYPE})
    @Operation(operationId = "renderPolicy", summary = "Render a policy for persistence",
            description = "The policy's settings for the interfaces its selector names (globs, drivers) in one of the "
                    + "persistence formats (the format parameter lists them: a Harvester CloudInit resource, a systemd unit, "
                    + "systemd-networkd .link files, NetworkManager commands or keyfiles, a TuneD profile, Talos EthernetConfig documents, an Ignition config of .link files, a kubernetes-nmstate policy, udev rules, a shell "
                    + "script). What a format cannot express is said in comments.")
    @APIResponse(responseCode = "200", description = "The artifact.", content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "udev", value = RenderResponses.EXAMPLE)),
            @Content(mediaType = "text/x-shellscript", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/yaml", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT, description = "An Ignition config."))})
    @APIResponse(responseCode = "404", description = "No such policy.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown format or tool.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response policy(@Parameter(description = "Policy id.", example = "7") @PathParam("id") long id,
                           @Parameter(description = "The persistence format.", example = "udev", required = true)
                           @QueryParam("format") String format,
                           @Parameter(description = "offloadctl or ethtool (default: ethtool for Harvester, offloadctl otherwise).",
                                   example = "offloadctl") @QueryParam("tool") String tool) {
        return RenderResponses.of(render.policy(id, format, tool));
    }

    @GET
    @Path("/{id}/rollout")
    @Operation(operationId = "getPolicyRollout", summary = "Follow a policy's rollout",
            description = "The latest rollout of the policy (also of a deleted one, under its id): its waves, their nodes, each "
                    + "node's state with the evidence it was decided on (compliance status, last report, desired revision, what "
                    + "failed or the throughput verification).")
    @APIResponse(responseCode = "200", description = "The rollout.")
    @APIResponse(responseCode = "404", description = "The policy has no rollout.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RolloutView rollout(@Parameter(description = "Policy id.", example = "7") @PathParam("id") long id) {
        return rollouts.latest(id);
    }

    @POST
    @Path("/{id}/rollout/pause")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "pausePolicyRollout", summary = "Pause a rollout",
            description = "No further wave starts until it is resumed; nodes keep what they have. Takes no body.")
    @APIResponse(responseCode = "200", description = "Paused (or it was already).")
    @APIResponse(responseCode = "404", description = "The policy has no rollout.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The rollout is completed, aborted or superseded.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RolloutView pause(@Parameter(description = "Policy id.", example = "7") @PathParam("id") long id) {
        return rollouts.pause(id);
    }

    @POST
    @Path("/{id}/rollout/resume")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "resumePolicyRollout", summary = "Resume a paused rollout",
            description = "Waves go on. Nodes that failed or went stale are accepted: they keep what they have (an agent that "
                    + "rolled the change back holds it back until POST /api/v1/nodes/{node}/retry) and hold the rollout no longer. "
                    + "Takes no body.")
    @APIResponse(responseCode = "200", description = "Progressing (or it was already).")
    @APIResponse(responseCode = "404", description = "The policy has no rollout.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The rollout is completed, aborted or superseded.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RolloutView resume(@Parameter(description = "Policy id.", example = "7") @PathParam("id") long id) {
        return rollouts.resume(id);
    }

    @POST
    @Path("/{id}/rollout/abort")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "abortPolicyRollout", summary = "Abort a rollout",
            description = "The policy goes back to what it was before the change (an aborted creation removes it, an aborted "
                    + "deletion brings it back under its id). Nodes whose wave had not started keep their desired state; nodes "
                    + "that had the change go back, and what the change set that the earlier policy does not govern follows the "
                    + "change's onRemove (restore: the recorded originals). Takes no body.")
    @APIResponse(responseCode = "200", description = "Aborted.")
    @APIResponse(responseCode = "404", description = "The policy has no rollout.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The rollout is completed, aborted or superseded.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RolloutView abort(@Parameter(description = "Policy id.", example = "7") @PathParam("id") long id) {
        return rollouts.abort(id);
    }
}
