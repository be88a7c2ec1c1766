package io.offloadctl.model.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a node or interface stands against its desired state. Ordered from least to most urgent. */
@Schema(description = "unmanaged: no policy selects it; compliant: as desired; unenforceable: a desired feature is fixed "
        + "by the driver or missing; drifted: a changeable feature differs from the desired value; contested: something else "
        + "on the host keeps turning a desired feature back and the agent stopped repairing it; failed: the node's agent "
        + "could not apply the current revision (it did not apply, or a probe failed after it) and does not try it again "
        + "until the revision changes or an operator asks for a retry; stale: the node has not reported for longer than "
        + "the configured time.")
public enum ComplianceStatus {
    unmanaged, compliant, unenforceable, drifted, contested, failed, stale;

    public ComplianceStatus worse(ComplianceStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
