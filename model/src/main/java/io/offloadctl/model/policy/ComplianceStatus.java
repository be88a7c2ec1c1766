package io.offloadctl.model.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a node or interface stands against its desired state. Ordered from least to most urgent. */
@Schema(description = "unmanaged: no policy selects it; compliant: as desired; unenforceable: a desired feature is fixed "
        + "by the driver or missing; drifted: a changeable feature differs from the desired value; stale: the node has "
        + "not reported for longer than the configured time.")
public enum ComplianceStatus {
    unmanaged, compliant, unenforceable, drifted, stale;

    public ComplianceStatus worse(ComplianceStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
