package io.offloadctl.api.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One feature of one interface that a previewed policy would change. */
@Schema(description = "A feature a previewed policy would change on one interface of one node.")
public record PolicyChange(
        @Schema(description = "Node name.", examples = "hv-017") String node,
        @Schema(description = "Interface name.", examples = "eno1") String interfaceName,
        @Schema(description = "Kernel feature name.", examples = "rx-gro") String feature,
        @Schema(nullable = true, description = "The reported active value now; null when the interface lacks the feature.") Boolean from,
        @Schema(description = "The value the policy would make desired.") boolean to,
        @Schema(description = "False when the driver has the feature fixed: the change could not be made.") boolean enforceable) {
}
