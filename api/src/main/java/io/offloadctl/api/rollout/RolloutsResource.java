package io.offloadctl.api.rollout;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
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

import io.offloadctl.api.problem.ApiException;
import io.offloadctl.api.security.Role;

/** Every policy's rollouts, for an operator's overview. */
@Path("/api/v1/rollouts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "policies", description = "Desired-state policies")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
public class RolloutsResource {

    private final RolloutService rollouts;

    public RolloutsResource(RolloutService rollouts) {
        this.rollouts = rollouts;
    }

    @GET
    @Operation(operationId = "listRollouts", summary = "List rollouts",
            description = "The latest 100 rollouts of policy changes, newest first, optionally of one state.")
    @APIResponse(responseCode = "200", description = "The rollouts.")
    public List<RolloutView> list(@Parameter(description = "Only rollouts in this state.", schema = @Schema(implementation = RolloutState.class))
                                  @QueryParam("state") String state) {
        return rollouts.list(parse(state));
    }

    private static RolloutState parse(String state) {
        if (state == null) {
            return null;
        }
        try {
            return RolloutState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-parameter", "Bad query parameter", "state '" + state + "' is not one of "
                    + Arrays.stream(RolloutState.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
