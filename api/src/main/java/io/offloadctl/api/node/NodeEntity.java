package io.offloadctl.api.node;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A node: its last report, the desired state computed for it (with a revision that changes
 * whenever the result changes) and its compliance. Documents are JSON text.
 */
@Entity
@Table(name = "node")
// Only the columns that changed: a report with new counters must not send the whole stored report again.
@org.hibernate.annotations.DynamicUpdate
public class NodeEntity extends PanacheEntityBase {
    @Id
    public String name;
    @Column(columnDefinition = "text")
    public String labels;
    public String kernel;
    @Column(name = "agent_version")
    public String agentVersion;
    /**
     * The JSON documents (report, desired state, compliance, findings) load together when one is read,
     * not with the row: a report with new counters only needs none of them.
     */
    @Column(columnDefinition = "text")
    @jakarta.persistence.Basic(fetch = jakarta.persistence.FetchType.LAZY)
    @org.hibernate.annotations.LazyGroup("documents")
    public String report;
    /** Hash of the report's bytes outside its counters (ReportBody): when it is unchanged, nothing needs re-evaluating. */
    @Column(name = "config_hash")
    public String configHash;
    @Column(name = "reported_at")
    public OffsetDateTime reportedAt;
    @Column(columnDefinition = "text")
    @jakarta.persistence.Basic(fetch = jakarta.persistence.FetchType.LAZY)
    @org.hibernate.annotations.LazyGroup("documents")
    public String desired;
    @Column(name = "desired_fingerprint")
    public String desiredFingerprint;
    @Column(name = "desired_revision")
    public long desiredRevision;
    @Column(columnDefinition = "text")
    @jakarta.persistence.Basic(fetch = jakarta.persistence.FetchType.LAZY)
    @org.hibernate.annotations.LazyGroup("documents")
    public String compliance;
    public String status;
    /** The desired state as a report's answer carries it (DesiredView JSON), ready to send. */
    @Column(name = "desired_view", columnDefinition = "text")
    public String desiredView;
    /** Desired features this node's drivers keep fixed or lack. */
    @Column(name = "unenforceable_features")
    public int unenforceableFeatures;

    /** Findings of the diagnostic rules on the last report that differed from the one before (JSON list). */
    @Column(columnDefinition = "text")
    @jakarta.persistence.Basic(fetch = jakarta.persistence.FetchType.LAZY)
    @org.hibernate.annotations.LazyGroup("documents")
    public String findings;
    /** NodeCounters as JSON: the latest counters (null for rows written before V10: then those in {@link #report}). */
    @Column(columnDefinition = "text")
    public String counters;

    @Column(name = "finding_count")
    public int findingCount;
    /** How many of the findings come from symptom rules (counters over a sample): none, and a quiet sample writes nothing. */
    @Column(name = "symptom_findings")
    public int symptomFindings;

    /** Raised by an operator's retry: the agent tries a revision it quarantined again (DesiredView.retry). */
    @Column(name = "retry_generation")
    public long retryGeneration;

    /** What the agent holds back, from its last report (AgentStatus JSON); null when nothing. */
    @Column(name = "agent_status", columnDefinition = "text")
    public String agentStatus;
}
