package io.offloadctl.api.rollout;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.offloadctl.model.policy.Policy;
import io.offloadctl.model.policy.Rollout;

/** A rollout as operators read it: its waves, their nodes, and each node's state with its evidence. */
@Schema(description = "A change of one policy on its way to the nodes it changes, wave by wave.")
public record RolloutView(
        @Schema(description = "Rollout id.", examples = "3") long id,
        @Schema(description = "The policy's id (it stays the id of a deleted policy).", examples = "7") long policyId,
        @Schema(description = "The policy's name.", examples = "bridge-ports-no-gro") String policy,
        @Schema(description = "The change being rolled out.") RolloutChange change,
        @Schema(description = "Where the rollout stands.") RolloutState state,
        @Schema(nullable = true, description = "Why it is paused, aborted or superseded; null otherwise.",
                examples = "hv-021 failed in wave 2: tcp probe of 10.0.0.1:443 answered before, failed after") String reason,
        @Schema(description = "The rollout settings it runs with.") Rollout strategy,
        @Schema(description = "The wave in progress (1 is the first; the last when completed).", examples = "2") int currentWave,
        @Schema(nullable = true, description = "When the wave in progress started.") OffsetDateTime waveStartedAt,
        @Schema(nullable = true, description = "The policy before the change; null for a creation.") Policy before,
        @Schema(nullable = true, description = "The policy after the change; null for a deletion.") Policy after,
        @Schema(description = "The waves, first to last.") List<Wave> waves,
        @Schema(description = "When the change was made.") OffsetDateTime createdAt,
        @Schema(nullable = true, description = "When it completed, was aborted or superseded.") OffsetDateTime finishedAt) {

    @Schema(description = "One wave of a rollout.")
    public record Wave(
            @Schema(description = "Its number, from 1 (the canary wave when the rollout has one).", examples = "1") int number,
            @Schema(description = "waiting, in-progress (nodes applying), soaking (every node compliant, soak time running), "
                    + "done.", examples = "soaking") String state,
            @Schema(nullable = true, description = "When its soak ends (soaking only).") OffsetDateTime soakUntil,
            @Schema(description = "Its nodes.") List<Node> nodes) {
    }

    @Schema(description = "A node of a rollout wave, with the evidence its state was decided on.")
    public record Node(
            @Schema(description = "Node name.", examples = "hv-017") String node,
            @Schema(nullable = true, description = "Its value of the rollout's spreadBy label.", examples = "r12") String spreadValue,
            @Schema(description = "Where it stands in the rollout.") RolloutNodeState state,
            @Schema(nullable = true, description = "When its wave gave it the new desired state.") OffsetDateTime releasedAt,
            @Schema(nullable = true, description = "When it first reported the new desired state applied and compliant.")
            OffsetDateTime compliantAt,
            @Schema(nullable = true, description = "Evidence: its compliance status now (null when the node is gone).",
                    examples = "compliant") String status,
            @Schema(nullable = true, description = "Evidence: its last report.") OffsetDateTime reportedAt,
            @Schema(nullable = true, description = "Evidence: its desired revision now.", examples = "5") Long desiredRevision,
            @Schema(nullable = true, description = "Evidence in words: what failed (the agent's reason), the throughput "
                    + "verification, or what it waits for.") String detail) {
    }
}
