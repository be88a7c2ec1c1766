package io.offloadctl.api.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One posted verification; the report is kept as the node sent it (JSON). */
@Entity
@Table(name = "verification")
public class VerificationEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String node;
    public String peer;
    public OffsetDateTime at;
    @Column(columnDefinition = "text")
    public String report;
    public boolean kept;
}
