package io.offloadctl.api.policy;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.policy.Policy;

/** A policy as stored: its id, version (the ETag) and times around the policy itself. */
@Schema(description = "A stored policy. Send back `policy` (changed) with PUT and the ETag in If-Match.")
public record StoredPolicy(
        @Schema(description = "Policy id.", examples = "7") long id,
        @Schema(description = "Write counter; the ETag is this number in quotes.", examples = "3") int version,
        @Schema(description = "When it was created (UTC).") OffsetDateTime createdAt,
        @Schema(description = "When it was last changed (UTC).") OffsetDateTime updatedAt,
        @Schema(description = "The policy, features under kernel names.") Policy policy) {

    public String etag() {
        return "\"" + version + "\"";
    }
}
