package io.offloadctl.api.node;

import io.offloadctl.api.JsonCodec;
import io.offloadctl.api.render.RenderResponses;
import io.offloadctl.api.render.RenderService;
import io.offloadctl.api.verification.Verification;
import io.offloadctl.api.verification.VerificationLog;
import io.offloadctl.model.verify.VerificationReport;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.offloadctl.api.security.NodeAccess;
import io.offloadctl.api.security.Role;
import io.offloadctl.api.security.TokenStore;
import io.offloadctl.api.security.TokenView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.offloadctl.api.event.Event;
import io.offloadctl.api.problem.Problem;
import io.offloadctl.model.policy.ComplianceStatus;
import io.offloadctl.model.report.NodeReport;

/** Nodes: agents report state here and read their desired state; operators list and inspect. */
@Path("/api/v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "nodes", description = "Node state reports, desired state and enactments")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
public class NodesResource {


    private static final String REPORT_EXAMPLE = """
            {"labels": {"role": "hypervisor", "rack": "r12"}, "kernel": "6.8.0-45-generic", "agentVersion": "0.1.0",
             "interfaces": [{"name": "eno1", "kind": "physical", "driver": "bnxt_en", "driverVersion": "1.10.3",
               "firmwareVersion": "227.0.131.0", "busInfo": "0000:3b:00.0", "mtu": 1500, "speedMbps": 100000,
               "master": "br0", "counters": {"rx_packets": 81723, "rx_bytes": 9283712, "rx_dropped": 0},
               "features": {"rx-gro": {"active": true, "requested": true, "changeable": true, "fixed": false},
                            "rx-lro": {"active": false, "requested": false, "changeable": false, "fixed": true}}}]}""";

    private final NodeService nodes;
    private final NodeListing listing;
    private final EnactmentLog enactments;
    private final NodeAccess access;
    private final RenderService render;
    private final VerificationLog verifications;
    private final ReportSamples samples;
    private final TokenStore tokens;

    public NodesResource(NodeService nodes, NodeListing listing, EnactmentLog enactments, NodeAccess access, RenderService render,
                         VerificationLog verifications, ReportSamples samples, TokenStore tokens) {
        this.samples = samples;
        this.tokens = tokens;
        this.nodes = nodes;
        this.listing = listing;
        this.enactments = enactments;
        this.access = access;
        this.render = render;
        this.verifications = verifications;
    }

    @PUT
    @Path("/{node}/state")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    @Operation(operationId = "reportNodeState", summary = "Report a node's full state",
            description = "An agent's full report: labels, kernel, agent version and every interface with every feature. "
                    + "Idempotent: a report whose configuration (everything but its counters) is the stored one only stores its counters and the report time; nothing is re-evaluated. The answer carries "
                    + "the node's desired state and its revision, so an agent needs one round trip per cycle.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NodeReport.class), examples = @ExampleObject(name = "hypervisor", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Report stored (or unchanged); desired state attached.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "201", description = "First report of this node; desired state attached.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "422", description = "The node name or the report is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(@Parameter(description = "Node name (a host name).", example = "hv-017") @PathParam("node") String node,
                           byte[] report) {
        String name = access.check(node);
        ReportBody shape = samples.read(report);
        NodeService.ReportOutcome outcome = samples.store(name, shape).orElseGet(() -> nodes.report(name, report, shape));
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .type(MediaType.APPLICATION_JSON).entity(outcome.answer()).build();
    }

    @GET
    @Operation(operationId = "listNodes", summary = "List nodes",
            description = "Nodes by name, filtered by label selector, driver and compliance status, one page at a time.")
    @APIResponse(responseCode = "200", description = "A page of nodes.")
    @APIResponse(responseCode = "422", description = "A filter is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NodePage list(
            @Parameter(description = "Label selector: key=value, key!=value, key, !key, separated by commas.",
                    example = "role=hypervisor,rack!=r3") @QueryParam("selector") String selector,
            @Parameter(description = "Only nodes with an interface using this driver.", example = "bnxt_en") @QueryParam("driver") String driver,
            @Parameter(description = "Only nodes with this compliance status.") @QueryParam("status") ComplianceStatus status,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 500.") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return listing.list(selector, driver, status, page, size);
    }

    @GET
    @Path("/{node}")
    @Operation(operationId = "getNode", summary = "Get a node",
            description = "The node's last report, desired state and the compliance of every interface.")
    @APIResponse(responseCode = "200", description = "The node.")
    @APIResponse(responseCode = "404", description = "No such node.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NodeView get(@Parameter(description = "Node name.", example = "hv-017") @PathParam("node") String node) {
        return nodes.get(NodeNames.canonical(node));
    }

    @DELETE
    @Path("/{node}")
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "deleteNode", summary = "Forget a node",
            description = "Removes the node and its state. An agent that reports again re-creates it.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "No such node.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "Node name.", example = "hv-017") @PathParam("node") String node) {
        nodes.delete(NodeNames.canonical(node));
        return Response.noContent().build();
    }

    @GET
    @Path("/{node}/desired")
    @RolesAllowed({Role.ADMIN, Role.VIEWER, Role.AGENT})
    @Operation(operationId = "getDesiredState", summary = "Get a node's desired state",
            description = "Per interface and feature: the value and the policy it comes from; conflicts between policies "
                    + "of equal priority are listed, not resolved. The revision changes whenever the result changes.")
    @APIResponse(responseCode = "200", description = "The desired state.")
    @APIResponse(responseCode = "404", description = "No such node.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DesiredView desired(@Parameter(description = "Node name.", example = "hv-017") @PathParam("node") String node) {
        return nodes.desired(access.check(node));
    }

    @POST
    @Path("/{node}/enrollment")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Role.ADMIN, Role.ENROLLER})
    @Operation(operationId = "enrollNode", summary = "Enroll a node's agent",
            description = "Creates an agent token bound to this node and returns it (once): an agent started with an "
                    + "enroller token (the one secret a DaemonSet shares) exchanges it here for a token of its own and keeps "
                    + "that. The node's earlier enrolled tokens are revoked. The node need not have reported yet.")
    @APIResponse(responseCode = "201", description = "Enrolled; the agent token is shown once.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenView.class)))
    @APIResponse(responseCode = "422", description = "The node name is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response enroll(@Parameter(description = "Node name (a host name).", example = "hv-017") @PathParam("node") String node) {
        return Response.status(Response.Status.CREATED).entity(tokens.enroll(NodeNames.canonical(node))).build();
    }

    @POST
    @Path("/{node}/enactments")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    @Operation(operationId = "reportEnactment", summary = "Report an enactment",
            description = "An agent's result of applying a desired-state revision: applied, partially applied, failed or "
                    + "rolled back, with per-feature details. Recorded as an event.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Enactment.class), examples = @ExampleObject(name = "rolled-back", value = """
                    {"revision": 4, "result": "rolled-back", "message": "API probe failed after apply; checkpoint restored",
                     "details": [{"interfaceName": "eno1", "feature": "rx-gro", "wanted": false, "actual": true}]}""")))
    @APIResponse(responseCode = "201", description = "Recorded; the event is returned.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Event.class)))
    @APIResponse(responseCode = "404", description = "No such node.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The enactment is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response enactment(@Parameter(description = "Node name.", example = "hv-017") @PathParam("node") String node,
                              Enactment enactment) {
        return Response.status(Response.Status.CREATED).entity(enactments.record(access.check(node), enactment)).build();
    }

    @POST
    @Path("/{node}/retry")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.ADMIN)
    @Operation(operationId = "retryNode", summary = "Ask a node's agent to try again",
            description = "An agent does not try a revision again that failed on its node (it did not apply, or a probe failed "
                    + "after it: compliance status failed), and stops repairing a feature that something else keeps turning "
                    + "back (contested). This raises the node's retry generation: at its next report the agent tries the current "
                    + "revision once more and repairs contested features again. Takes no body. Recorded as an event.")
    @APIResponse(responseCode = "200", description = "Retry requested; the desired state with its new retry generation.")
    @APIResponse(responseCode = "404", description = "No such node.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DesiredView retry(@Parameter(description = "Node name.", example = "hv-017") @PathParam("node") String node) {
        return nodes.retry(NodeNames.canonical(node));
    }

    @POST
    @Path("/{node}/verifications")
    @RolesAllowed({Role.ADMIN, Role.AGENT})
    @Operation(operationId = "reportVerification", summary = "Report a throughput verification",
            description = "The result of offloadctl verify on this node: throughput to a peer before and after a feature "
                    + "change and whether the change was kept. Stored per node and peer, and recorded as an event.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VerificationReport.class), examples = @ExampleObject(name = "kept", value = """
                    {"peer": "198.18.0.2", "interfaces": ["eno1"], "settings": {"tx-generic-segmentation": false,
                     "tx-tcp-segmentation": false}, "beforeBitsPerSecond": 140000, "afterBitsPerSecond": 6600000000,
                     "beforeRetransmissions": 118, "afterRetransmissions": 3, "thresholdPercent": 5, "seconds": 5,
                     "streams": 1, "kept": true}""")))
    @APIResponse(responseCode = "201", description = "Stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verification.class)))
    @APIResponse(responseCode = "404", description = "No such node: a node reports its state before its verifications.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The verification is invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response verification(@Parameter(description = "Node name.", example = "hv-017") @PathParam("node") String node,
                                 byte[] verification) {
        return Response.status(Response.Status.CREATED).entity(verifications.record(access.check(node), verification)).build();
    }

    @GET
    @Path("/{node}/desired/render")
    @Produces({"text/plain", "text/x-shellscript", "application/yaml", "application/json", Problem.MEDIA_TYPE})
    @Operation(operationId = "renderNodeDesiredState", summary = "Render a node's desired state for persistence",
            description = "The node's enforced desired settings (features, channel counts), interface by interface, in one of the persistence formats "
                    + "(the format parameter lists them); conflicts are left out and counted in a comment.")
    @APIResponse(responseCode = "200", description = "The artifact.", content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "udev", value = RenderResponses.EXAMPLE)),
            @Content(mediaType = "text/x-shellscript", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/yaml", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT, description = "An Ignition config."))})
    @APIResponse(responseCode = "404", description = "No such node, or nothing enforced to persist.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown format or tool.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response node(@Parameter(description = "Node name.", example = "hv-017") @PathParam("node") String node,
                         @Parameter(description = "The persistence format.", example = "systemd", required = true)
                         @QueryParam("format") String format,
                         @Parameter(description = "offloadctl or ethtool (default: ethtool for Harvester, offloadctl otherwise).",
                                 example = "offloadctl") @QueryParam("tool") String tool) {
        return RenderResponses.of(render.node(NodeNames.canonical(node), format, tool));
    }
}
