package org.opensupervision.discipline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A case of the discipline inspectors, held against the department and the complaint: the monthly evaluation counts
 * the outcomes per department from this table.
 */
@Entity
@Table(name = "disciplinary_case")
public class DisciplinaryCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tracking_number", nullable = false)
    private String trackingNumber;

    @Column(name = "department_code", nullable = false)
    private String departmentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EscalationSource source;

    @Column(length = 2000)
    private String reason;

    @Column(nullable = false)
    private int severity;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "preliminary_review_due_at", nullable = false)
    private Instant preliminaryReviewDueAt;

    @Column(name = "preliminary_finding")
    private String preliminaryFinding;

    @Column(name = "investigation_due_at")
    private Instant investigationDueAt;

    @Column(name = "extension_reason", length = 2000)
    private String extensionReason;

    @Column(name = "extended_at")
    private Instant extendedAt;

    @Column(length = 4000)
    private String findings;

    @Enumerated(EnumType.STRING)
    private DisciplinaryOutcome outcome;

    @Column(name = "outcome_reason", length = 4000)
    private String outcomeReason;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "overdue_escalations", nullable = false)
    private int overdueEscalations;

    private Long claimId;

    protected DisciplinaryCase() {
    }

    DisciplinaryCase(String trackingNumber, String departmentCode, EscalationSource source, String reason,
                     int severity, String processInstanceId, Instant openedAt, Instant preliminaryReviewDueAt) {
        this.trackingNumber = trackingNumber;
        this.departmentCode = departmentCode;
        this.source = source;
        this.reason = reason;
        this.severity = severity;
        this.processInstanceId = processInstanceId;
        this.openedAt = openedAt;
        this.preliminaryReviewDueAt = preliminaryReviewDueAt;
    }

    void claimedBy(Long claimId) {
        this.claimId = claimId;
    }

    /** The department-rule-month slot this case holds, or null for a referral that is not deduplicated. */
    public Long getClaimId() {
        return claimId;
    }

    void recordPreliminaryFinding(String finding) {
        this.preliminaryFinding = finding;
    }

    void openInvestigation(Instant dueAt) {
        this.investigationDueAt = dueAt;
    }

    void extendInvestigation(Instant newDueAt, String reason, Instant at) {
        this.investigationDueAt = newDueAt;
        this.extensionReason = reason;
        this.extendedAt = at;
    }

    void decide(DisciplinaryOutcome outcome, String findings, String reason, Instant at) {
        this.outcome = outcome;
        this.findings = findings;
        this.outcomeReason = reason;
        this.decidedAt = at;
    }

    void countOverdueEscalation() {
        overdueEscalations++;
    }

    public Long getId() {
        return id;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public EscalationSource getSource() {
        return source;
    }

    public String getReason() {
        return reason;
    }

    public int getSeverity() {
        return severity;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getPreliminaryReviewDueAt() {
        return preliminaryReviewDueAt;
    }

    public String getPreliminaryFinding() {
        return preliminaryFinding;
    }

    public Instant getInvestigationDueAt() {
        return investigationDueAt;
    }

    public String getExtensionReason() {
        return extensionReason;
    }

    public Instant getExtendedAt() {
        return extendedAt;
    }

    public String getFindings() {
        return findings;
    }

    public DisciplinaryOutcome getOutcome() {
        return outcome;
    }

    public String getOutcomeReason() {
        return outcomeReason;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public int getOverdueEscalations() {
        return overdueEscalations;
    }
}
