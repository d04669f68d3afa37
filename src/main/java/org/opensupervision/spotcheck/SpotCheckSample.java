package org.opensupervision.spotcheck;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A case drawn for a spot check, the inspector's offline check, and the department's rectification. */
@Entity
@Table(name = "spot_check_sample")
public class SpotCheckSample {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "round_id", nullable = false)
    private Long roundId;

    @Column(name = "tracking_number", nullable = false)
    private String trackingNumber;

    @Column(name = "department_code", nullable = false)
    private String departmentCode;

    @Column(nullable = false)
    private String category;

    @Column(nullable = false)
    private boolean breached;

    @Column(name = "rated_badly", nullable = false)
    private boolean ratedBadly;

    @Column(nullable = false)
    private int weight;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SpotCheckResult result;

    @Column(name = "contact_method")
    private String contactMethod;

    @Column(length = 4000)
    private String findings;

    @Column(name = "evidence_reference", length = 500)
    private String evidenceReference;

    private String inspector;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Column(name = "rectification_text", length = 4000)
    private String rectificationText;

    @Column(name = "rectified_at")
    private Instant rectifiedAt;

    private Instant rectificationOverdueAt;

    protected SpotCheckSample() {
    }

    SpotCheckSample(Long roundId, SpotCheckCandidate candidate, String category, int weight) {
        this.roundId = roundId;
        this.trackingNumber = candidate.trackingNumber();
        this.departmentCode = candidate.departmentCode();
        this.category = category;
        this.breached = candidate.breached();
        this.ratedBadly = candidate.ratedBadly();
        this.weight = weight;
        this.result = SpotCheckResult.PENDING;
    }

    void check(String contactMethod, boolean recordMatches, String findings, String evidenceReference,
               String inspector, Instant at) {
        this.contactMethod = contactMethod;
        this.result = recordMatches ? SpotCheckResult.PASSED : SpotCheckResult.DISCREPANCY;
        this.findings = findings;
        this.evidenceReference = evidenceReference;
        this.inspector = inspector;
        this.checkedAt = at;
    }

    void markRectificationOverdue(Instant at) {
        this.rectificationOverdueAt = at;
    }

    /** A discrepancy not rectified: an open item of its round. */
    public boolean isOpenItem() {
        return result == SpotCheckResult.DISCREPANCY && rectifiedAt == null;
    }

    public Instant getRectificationOverdueAt() {
        return rectificationOverdueAt;
    }

    void rectify(String text, Instant at) {
        this.rectificationText = text;
        this.rectifiedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getRoundId() {
        return roundId;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public String getCategory() {
        return category;
    }

    public boolean isBreached() {
        return breached;
    }

    public boolean isRatedBadly() {
        return ratedBadly;
    }

    public int getWeight() {
        return weight;
    }

    public SpotCheckResult getResult() {
        return result;
    }

    public String getContactMethod() {
        return contactMethod;
    }

    public String getFindings() {
        return findings;
    }

    public String getEvidenceReference() {
        return evidenceReference;
    }

    public String getInspector() {
        return inspector;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public String getRectificationText() {
        return rectificationText;
    }

    public Instant getRectifiedAt() {
        return rectifiedAt;
    }
}
