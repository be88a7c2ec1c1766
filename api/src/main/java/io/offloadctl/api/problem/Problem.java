package io.offloadctl.api.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.offloadctl.model.policy.Violation;

/** An RFC 9457 problem detail, as every error of the API is answered. */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json).")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "A URI reference naming the problem type.", examples = "https://offloadctl.io/problems/validation") String type,
        @Schema(description = "Short summary of the problem type.", examples = "Request body is invalid") String title,
        @Schema(description = "The HTTP status code.", examples = "422") int status,
        @Schema(description = "What went wrong in this occurrence, for people.", examples = "features.gorp: unknown feature 'gorp'; did you mean gro?") String detail,
        @Schema(description = "The request path.", examples = "/api/v1/policies") String instance,
        @Schema(description = "For validation problems: every invalid field.") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://offloadctl.io/problems/";

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, List.of());
    }

    public Problem withViolations(List<Violation> list) {
        return new Problem(type, title, status, detail, instance, list);
    }
}
