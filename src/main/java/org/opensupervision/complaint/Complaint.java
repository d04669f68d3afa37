package org.opensupervision.complaint;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.NaturalId;

import org.opensupervision.privacy.EncryptedContact;

/**
 * A complaint's business state. Changed only through {@link ComplaintRecords}, inside the transaction of the process
 * step that causes the change.
 */
@Entity
@Table(name = "complaint")
public class Complaint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** A natural id: a step's second look-up by tracking number is answered from the persistence context. */
    @NaturalId
    @Column(name = "tracking_number", nullable = false, updatable = false)
    private String trackingNumber;

    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

    @Column(name = "request_fingerprint", updatable = false)
    private String requestFingerprint;

    @Column(name = "department_code", nullable = false)
    private String departmentCode;

    @Column(name = "handling_department_code")
    private String handlingDepartmentCode;

    @Column(name = "handling_group")
    private String handlingGroup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ComplaintCategory category;

    private Integer priority;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false, length = 5000)
    private String description;

    @Column(name = "approval_case_number")
    private String approvalCaseNumber;

    @Column(name = "incident_date")
    private LocalDate incidentDate;

    @Column(nullable = false)
    private boolean anonymous;

    @Convert(converter = EncryptedContact.class)
    @Column(name = "contact_name")
    private String contactName;

    @Convert(converter = EncryptedContact.class)
    @Column(name = "contact_phone")
    private String contactPhone;

    @Convert(converter = EncryptedContact.class)
    @Column(name = "contact_email")
    private String contactEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ComplaintStatus status;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "routed_at")
    private Instant routedAt;

    @Column(name = "redirect_count", nullable = false)
    private int redirectCount;

    @Column(name = "first_feedback_due_at", nullable = false)
    private Instant firstFeedbackDueAt;

    @Column(name = "first_feedback_at")
    private Instant firstFeedbackAt;

    @Column(name = "first_feedback_text", length = 4000)
    private String firstFeedbackText;

    @Column(name = "first_feedback_breached_at")
    private Instant firstFeedbackBreachedAt;

    @Column(name = "handling_started_at")
    private Instant handlingStartedAt;

    @Column(name = "handling_due_at")
    private Instant handlingDueAt;

    @Column(name = "handling_breached_at")
    private Instant handlingBreachedAt;

    @Column(name = "supervision_notice_at")
    private Instant supervisionNoticeAt;

    @Column(name = "supervision_notice_due_at")
    private Instant supervisionNoticeDueAt;

    @Column(name = "criticized_at")
    private Instant criticizedAt;

    @Column(name = "criticism_due_at")
    private Instant criticismDueAt;

    @Column(name = "referred_to_rules_at")
    private Instant referredToRulesAt;

    @Column(name = "extension_requested_at")
    private Instant extensionRequestedAt;

    @Column(name = "extension_working_days")
    private Integer extensionWorkingDays;

    @Column(name = "extension_reason", length = 4000)
    private String extensionReason;

    @Column(name = "extension_approved")
    private Boolean extensionApproved;

    @Column(name = "extension_decided_at")
    private Instant extensionDecidedAt;

    @Column(name = "replied_at")
    private Instant repliedAt;

    @Column(name = "reply_text", length = 4000)
    private String replyText;

    @Column(name = "rework_count", nullable = false)
    private int reworkCount;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "rejected_at")
    private Instant rejectedAt;

    @Column(name = "rejection_reason", length = 4000)
    private String rejectionReason;

    /** The language the complainant filed in ({@code zh-CN} or {@code en}): the citizen's mails are written in it. */
    @Column(name = "mail_language", length = 16)
    private String mailLanguage;

    @Version
    private long version;

    protected Complaint() {
    }

    Complaint(ComplaintRegistration r, String trackingNumber, Instant submittedAt, Instant firstFeedbackDueAt) {
        this.trackingNumber = trackingNumber;
        this.idempotencyKey = r.idempotencyKey();
        this.requestFingerprint = r.requestFingerprint();
        this.departmentCode = r.departmentCode();
        this.category = r.category();
        this.title = r.title();
        this.description = r.description();
        this.approvalCaseNumber = r.approvalCaseNumber();
        this.incidentDate = r.incidentDate();
        this.anonymous = r.anonymous();
        if (!r.anonymous()) {
            this.contactName = r.contactName();
            this.contactPhone = r.contactPhone();
            this.contactEmail = r.contactEmail();
        }
        this.status = ComplaintStatus.SUBMITTED;
        this.submittedAt = submittedAt;
        this.firstFeedbackDueAt = firstFeedbackDueAt;
    }

    void attachProcessInstance(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void recordMailLanguage(String languageTag) {
        this.mailLanguage = languageTag;
    }

    /** {@code en} when the complainant filed in English; otherwise (also for cases filed before) Chinese. */
    public boolean wantsEnglish() {
        return mailLanguage != null && mailLanguage.startsWith("en");
    }

    void startHandlingClock(Instant dueAt) {
        handlingDueAt = dueAt;
    }

    void route(String handlingDepartmentCode, String handlingGroup, int priority, Instant at) {
        this.handlingDepartmentCode = handlingDepartmentCode;
        this.handlingGroup = handlingGroup;
        this.priority = priority;
        this.routedAt = at;
        if (status == ComplaintStatus.SUBMITTED) {
            status = ComplaintStatus.AWAITING_FIRST_FEEDBACK;
        }
    }

    void redirect(String handlingDepartmentCode, String handlingGroup, int priority, Instant at) {
        route(handlingDepartmentCode, handlingGroup, priority, at);
        redirectCount++;
    }

    void giveFirstFeedback(String text, Instant at) {
        this.firstFeedbackText = text;
        this.firstFeedbackAt = at;
        this.status = ComplaintStatus.IN_HANDLING;
    }

    boolean markFirstFeedbackBreached(Instant at) {
        if (firstFeedbackBreachedAt != null) {
            return false;
        }
        firstFeedbackBreachedAt = at;
        return true;
    }

    void openHandling(Instant at) {
        if (handlingStartedAt == null) {
            handlingStartedAt = at;
        }
        status = ComplaintStatus.IN_HANDLING;
    }

    void requestExtension(int workingDays, String reason, Instant at) {
        extensionRequestedAt = at;
        extensionWorkingDays = workingDays;
        extensionReason = reason;
    }

    void decideExtension(boolean approved, Instant at) {
        extensionApproved = approved;
        extensionDecidedAt = at;
    }

    void extendHandlingDeadline(Instant newDueAt) {
        handlingDueAt = newDueAt;
    }

    void markHandlingBreached(Instant at) {
        if (handlingBreachedAt == null) {
            handlingBreachedAt = at;
        }
    }

    void sendSupervisionNotice(Instant at, Instant dueAt) {
        supervisionNoticeAt = at;
        supervisionNoticeDueAt = dueAt;
    }

    void criticize(Instant at, Instant dueAt) {
        criticizedAt = at;
        criticismDueAt = dueAt;
    }

    void referToRules(Instant at) {
        referredToRulesAt = at;
    }

    /**
     * Whether a handling deadline that was missed no longer needs the ladder at {@code now}: the department replied
     * after its current deadline, or the deadline now lies ahead (moved by an approved extension or by a rework's
     * own deadline, which has its own clock and, when missed, its own ladder).
     */
    public boolean handlingLadderSettled(Instant now) {
        if (handlingDueAt == null || handlingDueAt.isAfter(now)) {
            return true;
        }
        return repliedAt != null && !repliedAt.isBefore(handlingDueAt);
    }

    void reply(String text, Instant at) {
        replyText = text;
        repliedAt = at;
        status = ComplaintStatus.UNDER_REVIEW;
    }

    int returnForRework() {
        reworkCount++;
        status = ComplaintStatus.IN_HANDLING;
        return reworkCount;
    }

    void close(Instant at) {
        closedAt = at;
        status = ComplaintStatus.CLOSED;
    }

    void reject(String reason, Instant at) {
        rejectionReason = reason;
        rejectedAt = at;
        status = ComplaintStatus.REJECTED;
    }

    /** Whether a deadline of this case has passed unmet at {@code now}, or a breach was recorded. */
    public boolean isOverdue(Instant now) {
        if (firstFeedbackBreachedAt != null || handlingBreachedAt != null) {
            return true;
        }
        if (!status.isOpen()) {
            return false;
        }
        boolean firstFeedbackLate = firstFeedbackAt == null && firstFeedbackDueAt.isBefore(now);
        boolean handlingLate = repliedAt == null && handlingDueAt != null && handlingDueAt.isBefore(now);
        return firstFeedbackLate || handlingLate;
    }

    public Long getId() {
        return id;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getRequestFingerprint() {
        return requestFingerprint;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public String getHandlingDepartmentCode() {
        return handlingDepartmentCode;
    }

    public String getHandlingGroup() {
        return handlingGroup;
    }

    public ComplaintCategory getCategory() {
        return category;
    }

    public Integer getPriority() {
        return priority;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getApprovalCaseNumber() {
        return approvalCaseNumber;
    }

    public LocalDate getIncidentDate() {
        return incidentDate;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public ComplaintStatus getStatus() {
        return status;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getRoutedAt() {
        return routedAt;
    }

    public int getRedirectCount() {
        return redirectCount;
    }

    public Instant getFirstFeedbackDueAt() {
        return firstFeedbackDueAt;
    }

    public Instant getFirstFeedbackAt() {
        return firstFeedbackAt;
    }

    public String getFirstFeedbackText() {
        return firstFeedbackText;
    }

    public Instant getFirstFeedbackBreachedAt() {
        return firstFeedbackBreachedAt;
    }

    public Instant getHandlingStartedAt() {
        return handlingStartedAt;
    }

    public Instant getHandlingDueAt() {
        return handlingDueAt;
    }

    public Instant getHandlingBreachedAt() {
        return handlingBreachedAt;
    }

    public Instant getSupervisionNoticeAt() {
        return supervisionNoticeAt;
    }

    public Instant getSupervisionNoticeDueAt() {
        return supervisionNoticeDueAt;
    }

    public Instant getCriticizedAt() {
        return criticizedAt;
    }

    public Instant getCriticismDueAt() {
        return criticismDueAt;
    }

    public Instant getReferredToRulesAt() {
        return referredToRulesAt;
    }

    public Instant getExtensionRequestedAt() {
        return extensionRequestedAt;
    }

    public Integer getExtensionWorkingDays() {
        return extensionWorkingDays;
    }

    public String getExtensionReason() {
        return extensionReason;
    }

    public Boolean getExtensionApproved() {
        return extensionApproved;
    }

    public Instant getExtensionDecidedAt() {
        return extensionDecidedAt;
    }

    public Instant getRepliedAt() {
        return repliedAt;
    }

    public String getReplyText() {
        return replyText;
    }

    public int getReworkCount() {
        return reworkCount;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getRejectedAt() {
        return rejectedAt;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }
}
