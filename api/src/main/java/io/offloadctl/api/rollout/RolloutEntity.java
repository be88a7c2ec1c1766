package io.offloadctl.api.rollout;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of one policy on its way to the nodes it changes (V9). Policies are JSON text. */
@Entity
@Table(name = "rollout")
public class RolloutEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "policy_id")
    public long policyId;
    public String policy;
    /** RolloutChange. */
    public String change;
    @Column(name = "from_policy", columnDefinition = "text")
    public String fromPolicy;
    @Column(name = "to_policy", columnDefinition = "text")
    public String toPolicy;
    @Column(columnDefinition = "text")
    public String strategy;
    /** RolloutState. */
    public String state;
    @Column(columnDefinition = "text")
    public String reason;
    /** The wave in progress, from 0. */
    public int wave;
    public int waves;
    @Column(name = "wave_started_at")
    public OffsetDateTime waveStartedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    /** The latest rollout of a policy (by id: also of a deleted one). */
    static RolloutEntity latestOf(long policyId) {
        return RolloutEntity.<RolloutEntity>find("policyId", Sort.by("id").descending(), policyId).firstResult();
    }
}
