package org.opensupervision.discipline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An inspector unsealed the complainant's identity in a referral dossier: who, when and why. Never deleted. */
@Entity
@Table(name = "dossier_unsealing")
public class DossierUnsealing {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "disciplinary_case_id", nullable = false)
    private Long disciplinaryCaseId;

    @Column(name = "unsealed_by", nullable = false)
    private String unsealedBy;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Column(name = "unsealed_at", nullable = false)
    private Instant unsealedAt;

    protected DossierUnsealing() {
    }

    DossierUnsealing(Long disciplinaryCaseId, String unsealedBy, String reason, Instant unsealedAt) {
        this.disciplinaryCaseId = disciplinaryCaseId;
        this.unsealedBy = unsealedBy;
        this.reason = reason;
        this.unsealedAt = unsealedAt;
    }

    public Long getDisciplinaryCaseId() {
        return disciplinaryCaseId;
    }

    public String getUnsealedBy() {
        return unsealedBy;
    }

    public String getReason() {
        return reason;
    }

    public Instant getUnsealedAt() {
        return unsealedAt;
    }
}
