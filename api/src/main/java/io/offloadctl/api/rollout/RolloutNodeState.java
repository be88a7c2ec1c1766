package io.offloadctl.api.rollout;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a node of a rollout stands. */
@Schema(description = "waiting: its wave has not started, it keeps the policy as it was; released: it has the new desired state "
        + "and has not yet reported it applied; compliant: it reported the new desired state applied; failed: its agent rolled "
        + "the change back or could not apply it (it holds the revision back); stale: it stopped reporting in its wave; "
        + "accepted: it failed and an operator resumed the rollout past it.")
public enum RolloutNodeState {
    waiting, released, compliant, failed, stale, accepted
}
