package org.opensupervision.complaint;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A complaint as other modules read it: an immutable snapshot of its business state, taken from the complaint
 * module's own entity (which stays inside the module). It holds no contact data of the complainant: that passes only
 * through the privacy module ({@code privacy.ComplainantContacts}), which audits who sees it.
 */
public record ComplaintFacts(String trackingNumber, ComplaintStatus status, String departmentCode,
                             String handlingDepartmentCode, String handlingGroup, ComplaintCategory category,
                             Integer priority, String title, String description, String approvalCaseNumber,
                             LocalDate incidentDate, boolean anonymous, String processInstanceId,
                             Instant submittedAt, Instant routedAt, int redirectCount,
                             Instant firstFeedbackDueAt, Instant firstFeedbackAt, String firstFeedbackText,
                             Instant firstFeedbackBreachedAt, Instant handlingStartedAt, Instant handlingDueAt,
                             Instant handlingBreachedAt, Instant supervisionNoticeAt, Instant supervisionNoticeDueAt,
                             Instant criticizedAt, Instant criticismDueAt, Instant referredToRulesAt,
                             Instant extensionRequestedAt, Integer extensionWorkingDays, String extensionReason,
                             Boolean extensionApproved, Instant extensionDecidedAt, Instant repliedAt,
                             String replyText, int reworkCount, Instant closedAt, Instant rejectedAt,
                             String rejectionReason, String mailLanguage) {

    /** Whether the complainant filed in English (issue 16): his mails are then in English; otherwise in Chinese. */
    public boolean wantsEnglish() {
        return mailLanguage != null && mailLanguage.startsWith("en");
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

    /** The department handling the case now, or the one complained about before the case was routed. */
    public String responsibleDepartmentCode() {
        return handlingDepartmentCode != null ? handlingDepartmentCode : departmentCode;
    }
}
