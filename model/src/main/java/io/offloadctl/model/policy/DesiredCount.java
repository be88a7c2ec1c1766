package io.offloadctl.model.policy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The number a setting (a kind of channel, a size limit) should have, decided as a {@link DesiredFeature} is. */
@Schema(description = "The number a setting (channels of one kind, a size limit) should have and the policy it comes from.")
public record DesiredCount(
        @Schema(description = "The count or size.", examples = "2") long value,
        @Schema(description = "Name of the policy that decides it.", examples = "bridge-ports-two-queues") String policy,
        @Schema(description = "The deciding policy's mode: only enforce is applied by agents.") PolicyMode mode,
        @Schema(description = "When the deciding policy is in audit mode: the enforce-mode policies of lower priority that "
                + "also set this here, which agents therefore do not apply; empty otherwise.") List<String> suspends) {

    public DesiredCount {
        suspends = suspends == null ? List.of() : List.copyOf(suspends);
    }
}
