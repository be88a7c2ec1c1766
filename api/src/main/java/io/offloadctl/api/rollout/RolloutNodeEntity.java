package io.offloadctl.api.rollout;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A node a rollout reaches, its wave and where it stands (V9). */
@Entity
@Table(name = "rollout_node")
@IdClass(RolloutNodeEntity.Key.class)
public class RolloutNodeEntity extends PanacheEntityBase {
    @Id
    @Column(name = "rollout_id")
    public long rolloutId;
    @Id
    public String node;
    public int wave;
    @Column(name = "spread_value")
    public String spreadValue;
    /** RolloutNodeState. */
    public String state;
    @Column(name = "released_at")
    public OffsetDateTime releasedAt;
    @Column(name = "compliant_at")
    public OffsetDateTime compliantAt;
    @Column(columnDefinition = "text")
    public String detail;

    public static final class Key implements Serializable {
        public long rolloutId;
        public String node;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.rolloutId == rolloutId && Objects.equals(key.node, node);
        }

        @Override
        public int hashCode() {
            return Objects.hash(rolloutId, node);
        }
    }
}
