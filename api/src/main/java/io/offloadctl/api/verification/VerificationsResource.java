package io.offloadctl.api.verification;

import io.offloadctl.api.node.NodeNames;
import io.offloadctl.api.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Throughput verifications posted by nodes (offloadctl verify --server ...). */
@Path("/api/v1/verifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "verifications", description = "Throughput measured before and after offload changes, per node and peer")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
public class VerificationsResource {

    private final VerificationLog verifications;

    public VerificationsResource(VerificationLog verifications) {
        this.verifications = verifications;
    }

    @GET
    @Operation(operationId = "listVerifications", summary = "List verifications",
            description = "Verifications newest first, filtered by node and peer; with latest=true only the newest of each "
                    + "node and peer pair: what the fleet last proved about each path.")
    @APIResponse(responseCode = "200", description = "A page of verifications.")
    public VerificationPage list(
            @Parameter(description = "Only verifications made by this node.", example = "hv-017") @QueryParam("node") String node,
            @Parameter(description = "Only verifications against this peer.", example = "198.18.0.2") @QueryParam("peer") String peer,
            @Parameter(description = "Only the newest verification of each node and peer pair.") @QueryParam("latest")
            @DefaultValue("false") boolean latest,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 500.") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return verifications.find(NodeNames.filter(node), peer, latest, page, size);
    }
}
