package io.offloadctl.api.rollout;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a rollout stands. */
@Schema(description = "progressing: waves go on; paused: a node failed or went stale in its wave, or an operator paused it; "
        + "completed: every wave is done; aborted: an operator aborted it (the policy is back as it was before the change); "
        + "superseded: a later change of the policy replaced it after every node had it.")
public enum RolloutState {
    progressing, paused, completed, aborted, superseded;

    /** Progressing or paused: nodes of later waves keep the policy as it was. */
    public boolean active() {
        return this == progressing || this == paused;
    }
}
