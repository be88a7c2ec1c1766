package io.offloadctl.api.compliance;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The columns of a node the compliance report reads (a projection: no report documents). */
@RegisterForReflection
public record ComplianceRow(String name, OffsetDateTime reportedAt, String status, long desiredRevision, String compliance,
                            String agentStatus) {
}
