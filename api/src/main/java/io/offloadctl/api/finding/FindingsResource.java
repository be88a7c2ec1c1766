package io.offloadctl.api.finding;

import io.offloadctl.api.node.NodeNames;
import io.offloadctl.api.problem.ApiException;
import io.offloadctl.api.security.Role;
import io.offloadctl.model.diagnose.Rule;
import io.offloadctl.model.diagnose.RuleBook;
import io.offloadctl.model.diagnose.Severity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.stream.Collectors;

/** Fleet-wide diagnostic findings. */
@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "findings", description = "What the diagnostic rules (the same as offloadctl doctor) find in node reports")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
public class FindingsResource {

    private final FleetFindings findings;

    public FindingsResource(FleetFindings findings) {
        this.findings = findings;
    }

    @GET
    @Transactional
    @Operation(operationId = "listFindings", summary = "List findings across the fleet",
            description = "Every finding of the diagnostic rules on every node's last changed report, worst first, with "
                    + "counts per severity and rule. Rules that need counter rates (small received packets, rising drops, "
                    + "TCP retransmissions) use the counters of a node's two last reports.")
    @APIResponse(responseCode = "200", description = "A page of findings.")
    public FindingPage list(
            @Parameter(description = "Only findings of at least this severity.", schema = @Schema(implementation = Severity.class))
            @QueryParam("severity") String severity,
            @Parameter(description = "Only findings of this rule.", example = "bnxt-gro-gso-bridged") @QueryParam("rule") String rule,
            @Parameter(description = "Only findings of this node.", example = "hv-017") @QueryParam("node") String node,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 500.") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (rule != null && RuleBook.builtIn().rule(rule).isEmpty()) {
            throw new ApiException(400, "bad-parameter", "Bad query parameter", "rule '" + rule + "' is not one of "
                    + RuleBook.builtIn().rules().stream().map(Rule::id).collect(Collectors.joining(", ")));
        }
        return findings.find(severity(severity), rule, NodeNames.filter(node), page, size);
    }

    private static Severity severity(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Severity.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-parameter", "Bad query parameter", "severity '" + value + "' is not one of info, warning, critical");
        }
    }
}
