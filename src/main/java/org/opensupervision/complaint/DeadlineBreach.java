package org.opensupervision.complaint;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A missed deadline, held against the department that had the case when the deadline passed. */
@Entity
@Table(name = "deadline_breach")
class DeadlineBreach {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;

    @Column(name = "department_code", nullable = false)
    private String departmentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BreachKind kind;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected DeadlineBreach() {
    }

    DeadlineBreach(Long complaintId, String departmentCode, BreachKind kind, Instant dueAt, Instant recordedAt) {
        this.complaintId = complaintId;
        this.departmentCode = departmentCode;
        this.kind = kind;
        this.dueAt = dueAt;
        this.recordedAt = recordedAt;
    }

    BreachFacts facts() {
        return new BreachFacts(kind, departmentCode, dueAt, recordedAt);
    }
}
