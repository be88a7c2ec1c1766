package io.offloadctl.api.compliance;

import io.offloadctl.api.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.offloadctl.model.policy.ComplianceStatus;

/** Fleet compliance. */
@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "compliance", description = "Compliance and drift")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
public class ComplianceResource {

    private final ComplianceService compliance;

    public ComplianceResource(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GET
    @Operation(operationId = "getCompliance", summary = "Get fleet compliance",
            description = "Counts of nodes and interfaces per status (compliant, drifted, unenforceable, stale, unmanaged), "
                    + "then every node with the status and deviations of each interface.")
    @APIResponse(responseCode = "200", description = "The compliance report.")
    public ComplianceReport get(@Parameter(description = "Only list nodes with this status (the counts stay fleet-wide).")
                                @QueryParam("status") ComplianceStatus status) {
        return compliance.report(status);
    }
}
