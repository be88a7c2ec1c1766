package io.offloadctl.api.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request for a token. */
@Schema(description = "A token to create.")
public record NewToken(
        @Schema(description = "What the token is for.", examples = "agent on hv-017", required = true) String name,
        @Schema(description = "What it may do.", required = true) Role role,
        @Schema(description = "Required for agent tokens, not allowed otherwise: the node the agent reports for.",
                examples = "hv-017") String node) {
}
