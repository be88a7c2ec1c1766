package io.offloadctl.model.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What becomes of a feature when the policy that set it no longer governs it. */
@Schema(description = "What agents do with a feature when the policy that set it no longer governs it (the policy is "
        + "deleted, its selector narrowed, switched to audit): keep leaves the last state in place (the default); restore "
        + "puts back the value the agent recorded before any policy changed the feature, all-or-nothing and probed like "
        + "any change. A feature another enforce-mode policy takes over gets that policy's value instead.")
public enum RemovalAction {
    keep, restore
}
