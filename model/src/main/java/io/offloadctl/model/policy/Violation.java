package io.offloadctl.model.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with a request body: where (a JSON path such as features.gorp) and what. */
@Schema(description = "One invalid field of a request body.")
public record Violation(
        @Schema(description = "Path of the field in the body.", examples = "features.gorp") String field,
        @Schema(description = "What is wrong with it.", examples = "unknown feature 'gorp'; did you mean gro?") String message) {
}
