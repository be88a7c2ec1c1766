package io.offloadctl.api.event;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event as the API shows it. */
@Schema(description = "Something that happened to a node or a policy.")
public record Event(
        @Schema(description = "Event id, increasing.", examples = "42") long id,
        @Schema(description = "When it happened (UTC).") OffsetDateTime at,
        @Schema(description = "What kind of event it is.") EventType type,
        @Schema(nullable = true, description = "The node concerned, if any.", examples = "hv-017") String node,
        @Schema(nullable = true, description = "The policy concerned, if any.", examples = "bridge-ports-no-gro") String policy,
        @Schema(description = "What happened, for people.", examples = "eno1: rx-gro on, desired off (policy bridge-ports-no-gro)") String detail) {

    static Event of(EventEntity entity) {
        return new Event(entity.id, entity.at, EventType.fromWire(entity.type), entity.node, entity.policy, entity.detail);
    }
}
