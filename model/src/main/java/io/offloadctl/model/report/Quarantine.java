package io.offloadctl.model.report;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A desired-state revision that failed on the node (it did not apply, or a probe failed after it)
 * and that the agent will not try again until the revision changes or an operator asks for a retry.
 */
@Schema(description = "A desired-state revision that failed on this node and that its agent does not try again until the "
        + "revision changes or an operator asks for a retry (POST /api/v1/nodes/{node}/retry).")
public record Quarantine(
        @Schema(description = "The revision that failed.", examples = "4") long revision,
        @Schema(description = "The retry generation it failed under (DesiredView.retry).", examples = "0") long retry,
        @Schema(description = "What failed.", examples = "the gateway probe of 198.18.0.1 failed after the change") String reason,
        @Schema(description = "When it failed (UTC).") Instant at,
        @Schema(description = "The probes made around the failed change.") List<ProbeResult> probes) {

    public Quarantine {
        probes = probes == null ? List.of() : List.copyOf(probes);
    }

    /** Whether it holds back this revision under this retry generation. */
    public boolean holds(long desiredRevision, long desiredRetry) {
        return revision == desiredRevision && retry == desiredRetry;
    }
}
