package io.offloadctl.api.policy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.policy.Policy;
import io.offloadctl.model.policy.PolicyConflict;

/** What saving a policy would do, computed without saving it. */
@Schema(description = "The effect a policy would have if it were saved; nothing is saved.")
public record PolicyPreview(
        @Schema(description = "The policy as it would be stored (features under kernel names).") Policy policy,
        @Schema(description = "Number of nodes whose interfaces it selects.", examples = "12") int selectedNodes,
        @Schema(description = "Number of interfaces it selects.", examples = "48") int selectedInterfaces,
        @Schema(description = "Every feature it would change.") List<PolicyChange> changes,
        @Schema(description = "Conflicts with policies of the same priority it would cause.") List<PolicyConflict> conflicts,
        @Schema(description = "Where an audit-mode policy would decide a feature that enforce-mode policies of lower priority "
                + "set, this one on either side: agents would not apply those features there.")
        List<PolicySuspension> suspensions) {
}
