package org.opensupervision.privacy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The supervision office let one department (all its handlers) or one user see the complainant's contact data of
 * one case, for a stated reason, until revoked.
 */
@Entity
@Table(name = "contact_reveal")
public class ContactReveal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tracking_number", nullable = false, updatable = false)
    private String trackingNumber;

    @Column(name = "department_code", updatable = false)
    private String departmentCode;

    @Column(name = "user_id", updatable = false)
    private String userId;

    @Column(nullable = false, updatable = false, length = 1000)
    private String reason;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ContactReveal() {
    }

    ContactReveal(String trackingNumber, String departmentCode, String userId, String reason, String grantedBy,
                  Instant grantedAt) {
        this.trackingNumber = trackingNumber;
        this.departmentCode = departmentCode;
        this.userId = userId;
        this.reason = reason;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
    }

    void revoke(String by, Instant at) {
        if (revokedAt == null) {
            revokedBy = by;
            revokedAt = at;
        }
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public Long getId() {
        return id;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    /** The department whose handlers may see the contact data, or null for a grant to one user. */
    public String getDepartmentCode() {
        return departmentCode;
    }

    /** The one user who may see the contact data, or null for a grant to a department. */
    public String getUserId() {
        return userId;
    }

    public String getReason() {
        return reason;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
