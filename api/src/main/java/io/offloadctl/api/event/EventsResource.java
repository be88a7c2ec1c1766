package io.offloadctl.api.event;

import io.offloadctl.api.node.NodeNames;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.offloadctl.api.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;

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

import io.offloadctl.api.problem.ApiException;

/** The event log. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events", description = "What happened, when, to which node")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
public class EventsResource {

    private final EventLog events;

    public EventsResource(EventLog events) {
        this.events = events;
    }

    @GET
    @Operation(operationId = "listEvents", summary = "List events",
            description = "Reports with changes, drift found, enactments and policy changes, newest first, filtered and paginated.")
    @APIResponse(responseCode = "200", description = "A page of events.")
    public EventPage list(
            @Parameter(description = "Only events of this type.", schema = @Schema(implementation = EventType.class))
            @QueryParam("type") String type,
            @Parameter(description = "Only events of this node.", example = "hv-017") @QueryParam("node") String node,
            @Parameter(description = "Only events of this policy.", example = "bridge-ports-no-gro") @QueryParam("policy") String policy,
            @Parameter(description = "Only events at or after this time (ISO 8601).", example = "2026-11-22T10:00:00Z")
            @QueryParam("since") OffsetDateTime since,
            @Parameter(description = "Page number, from 0.") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 500.") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return events.find(parseType(type), NodeNames.filter(node), policy, since, page, size);
    }

    private static EventType parseType(String type) {
        if (type == null) {
            return null;
        }
        try {
            return EventType.fromWire(type);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "bad-parameter", "Bad query parameter", "type '" + type + "' is not one of "
                    + Arrays.stream(EventType.values()).map(EventType::wire).collect(Collectors.joining(", ")));
        }
    }
}
