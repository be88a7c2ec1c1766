package io.offloadctl.api.security;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A token as listed; {@code token} is present only in the answer that created it. */
@Schema(description = "An API token. The token value itself appears only once, in the answer to its creation.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(
        @Schema(description = "Token id.", examples = "3") long id,
        @Schema(description = "What the token is for.", examples = "agent on hv-017") String name,
        @Schema(description = "What the token may do.") Role role,
        @Schema(nullable = true, description = "For agent tokens: the node it is bound to.", examples = "hv-017") String node,
        @Schema(description = "When it was created (UTC).") OffsetDateTime createdAt,
        @Schema(nullable = true, description = "When it was revoked; null while valid.") OffsetDateTime revokedAt,
        @Schema(nullable = true, description = "The bearer token; shown once, at creation. Send it as 'Authorization: Bearer TOKEN'.",
                examples = "oc_Y2hhbmdlLW1lLXBsZWFzZS10aGlzLWlzLWFuLWV4YW1wbGU") String token) {

    static TokenView of(TokenEntity entity, String token) {
        return new TokenView(entity.id, entity.name, Role.valueOf(entity.role), entity.node, entity.createdAt,
                entity.revokedAt, token);
    }
}
