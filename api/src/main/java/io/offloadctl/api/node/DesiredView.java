package io.offloadctl.api.node;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.policy.DesiredInterface;
import io.offloadctl.model.policy.Policy;
import io.offloadctl.model.policy.PolicyConflict;

/** A node's desired state with its revision. */
@Schema(description = "What the policies want of a node, per interface and feature, with the policy behind each value. "
        + "The revision changes whenever the result changes.")
public record DesiredView(
        @Schema(description = "Node name.", examples = "hv-017") String node,
        @Schema(description = "Revision of this desired state; agents report enactments against it.", examples = "4") long revision,
        @Schema(description = "Interfaces some policy selects, with their desired features.") List<DesiredInterface> interfaces,
        @Schema(description = "Disagreements between policies of equal priority; those features are left out.") List<PolicyConflict> conflicts,
        @Schema(description = "The policies that select the node, highest priority first (without descriptions): its agent "
                + "applies them at once to interfaces that appear between two reports, also while the API is unreachable.")
        List<Policy> policies,
        @Schema(description = "Retry generation: raised when an operator asks the agent to try a failed revision again "
                + "(POST /api/v1/nodes/{node}/retry).", examples = "0") long retry) {

    public DesiredView(String node, long revision, io.offloadctl.model.policy.DesiredState desired, long retry) {
        this(node, revision, desired.interfaces(), desired.conflicts(), desired.policies(), retry);
    }
}
