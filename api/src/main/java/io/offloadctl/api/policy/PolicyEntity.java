package io.offloadctl.api.policy;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stored policy; selector and features are JSON text. {@code version} counts writes (the ETag). */
@Entity
@Table(name = "policy")
public class PolicyEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(columnDefinition = "text")
    public String description;
    public int priority;
    public String mode;
    /** RemovalAction: keep or restore. */
    @Column(name = "on_remove")
    public String onRemove;
    @Column(columnDefinition = "text")
    public String selector;
    @Column(columnDefinition = "text")
    public String features;
    /** Rollout as JSON; null: the defaults (policies stored before V9). */
    @Column(columnDefinition = "text")
    public String rollout;
    @Column(columnDefinition = "text")
    public String channels;
    /** LimitRequest as JSON; null when the policy sets no size limits. */
    @Column(name = "size_limits", columnDefinition = "text")
    public String limits;

    /** RingRequest as JSON; null when the policy sets no ring sizes. */
    @Column(name = "rings", columnDefinition = "text")
    public String rings;

    /** CoalesceRequest as JSON; null when the policy sets no coalescing. */
    @Column(name = "coalesce_settings", columnDefinition = "text")
    public String coalesce;

    /** PauseRequest as JSON; null when the policy sets no pause. */
    @Column(name = "pause_settings", columnDefinition = "text")
    public String pause;
    public int version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
