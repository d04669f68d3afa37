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

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.NaturalId;

import org.opensupervision.privacy.EncryptedContact;

/**
 * A complaint's business state. Changed only through {@link ComplaintRecords}, inside the transaction of the process
 * step that causes the change. Package-private: other modules read {@link ComplaintFacts} from the facade, and the
 * complainant's contact data only through the privacy module ({@link ComplaintContactSource}).
 * <p>
 * An update writes the columns that changed (issue 17): every step changes a few of some forty, and writing all of
 * them encrypted the three contact columns again (a fresh nonce each time, so new ciphertext for the same data) and
 * bound the description, in the intake starter's batch once per routed complaint, about 5 % of its CPU.
 */
@Entity
@DynamicUpdate
@Table(name = "complaint")
class Complaint {

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

    /** The snapshot other modules read: every fact but the complainant's contact data. */
    ComplaintFacts facts() {
        return new ComplaintFacts(trackingNumber, status, departmentCode, handlingDepartmentCode, handlingGroup,
                category, priority, title, description, approvalCaseNumber, incidentDate, anonymous,
                processInstanceId, submittedAt, routedAt, redirectCount, firstFeedbackDueAt, firstFeedbackAt,
                firstFeedbackText, firstFeedbackBreachedAt, handlingStartedAt, handlingDueAt, handlingBreachedAt,
                supervisionNoticeAt, supervisionNoticeDueAt, criticizedAt, criticismDueAt, referredToRulesAt,
                extensionRequestedAt, extensionWorkingDays, extensionReason, extensionApproved, extensionDecidedAt,
                repliedAt, replyText, reworkCount, closedAt, rejectedAt, rejectionReason, mailLanguage);
    }

    Long getId() {
        return id;
    }

    String getTrackingNumber() {
        return trackingNumber;
    }

    String getRequestFingerprint() {
        return requestFingerprint;
    }

    String getDepartmentCode() {
        return departmentCode;
    }

    String getHandlingDepartmentCode() {
        return handlingDepartmentCode;
    }

    ComplaintCategory getCategory() {
        return category;
    }

    boolean isAnonymous() {
        return anonymous;
    }

    String getContactName() {
        return contactName;
    }

    String getContactPhone() {
        return contactPhone;
    }

    String getContactEmail() {
        return contactEmail;
    }

    Instant getFirstFeedbackDueAt() {
        return firstFeedbackDueAt;
    }

    Instant getHandlingDueAt() {
        return handlingDueAt;
    }
}
