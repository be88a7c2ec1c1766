package io.offloadctl.api.verification;

import io.offloadctl.model.verify.VerificationReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** A stored verification: who measured against whom, when, and the result. */
@Schema(description = "A stored throughput verification of one node against one peer.")
public record Verification(
        @Schema(description = "Identifier.", examples = "42", required = true) long id,
        @Schema(description = "The node that made the change and measured.", examples = "hv-017", required = true) String node,
        @Schema(description = "When it was posted.", required = true) OffsetDateTime at,
        @Schema(description = "The result as the node reported it.", required = true) VerificationReport result) {
}
