package io.offloadctl.api.node;

import java.time.OffsetDateTime;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The columns of a node a listing needs: a projection, so listings do not load every node's
 * report, desired state and compliance documents.
 */
@RegisterForReflection
public record NodeRow(String name, String labels, String kernel, String agentVersion, OffsetDateTime reportedAt,
                      String status, long desiredRevision) {

    static NodeRow of(NodeEntity node) {
        return new NodeRow(node.name, node.labels, node.kernel, node.agentVersion, node.reportedAt, node.status,
                node.desiredRevision);
    }
}
