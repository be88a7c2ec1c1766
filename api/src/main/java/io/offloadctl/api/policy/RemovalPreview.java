package io.offloadctl.api.policy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.policy.RemovalAction;

/** What deleting a policy would do, node by node; nothing is changed. */
@Schema(description = "What deleting a policy would do on every node where it decides a feature; nothing is changed.")
public record RemovalPreview(
        @Schema(description = "Policy name.", examples = "bridge-ports-no-gro") String policy,
        @Schema(description = "The policy's onRemove.") RemovalAction onRemove,
        @Schema(description = "Per node, interface and feature the policy decides in enforce mode: now and after.") List<RemovalEffect> effects) {
}
