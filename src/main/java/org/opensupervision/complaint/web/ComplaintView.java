package org.opensupervision.complaint.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.opensupervision.complaint.Complaint;
import org.opensupervision.complaint.ComplaintCategory;
import org.opensupervision.complaint.ComplaintStatus;
import org.opensupervision.complaint.DeadlineBreach;
import org.opensupervision.complaint.LinkedApprovalCase;

/** A complaint as staff read it through the API. */
record ComplaintView(String trackingNumber, ComplaintStatus status, String departmentCode,
                     String handlingDepartmentCode, ComplaintCategory category, Integer priority, String title,
                     String description, String approvalCaseNumber, LocalDate incidentDate, boolean anonymous,
                     Contact contact, Boolean contactWithheld, Instant submittedAt, Instant routedAt, int redirectCount,
                     Instant firstFeedbackDueAt, Instant firstFeedbackAt, String firstFeedbackText,
                     Instant firstFeedbackBreachedAt, Instant handlingStartedAt, Instant handlingDueAt,
                     Instant handlingBreachedAt, Extension extension, Instant repliedAt, String replyText,
                     int reworkCount, Instant closedAt, Instant rejectedAt, String rejectionReason, boolean overdue,
                     String processInstanceId, List<Breach> breaches, Ladder ladder,
                     LinkedApprovalCase approvalCase) {

    record Contact(String name, String phone, String email) {
    }

    record Extension(Instant requestedAt, Integer workingDays, String reason, Boolean approved, Instant decidedAt) {
    }

    record Breach(String kind, String departmentCode, Instant dueAt, Instant recordedAt) {
    }

    /** The supervision ladder after a handling breach (督办, 通报, referral to the rules); absent before the notice. */
    record Ladder(Instant noticeAt, Instant noticeDueAt, Instant criticizedAt, Instant criticismDueAt,
                  Instant referredToRulesAt) {

        static Ladder of(Complaint c) {
            return c.getSupervisionNoticeAt() == null ? null : new Ladder(c.getSupervisionNoticeAt(),
                    c.getSupervisionNoticeDueAt(), c.getCriticizedAt(), c.getCriticismDueAt(),
                    c.getReferredToRulesAt());
        }
    }

    /** The same view with the approval case the complaint names, as the reader may see it (or null). */
    ComplaintView withApprovalCase(LinkedApprovalCase linked) {
        return new ComplaintView(trackingNumber, status, departmentCode, handlingDepartmentCode, category, priority,
                title, description, approvalCaseNumber, incidentDate, anonymous, contact, contactWithheld, submittedAt,
                routedAt, redirectCount, firstFeedbackDueAt, firstFeedbackAt, firstFeedbackText,
                firstFeedbackBreachedAt, handlingStartedAt, handlingDueAt, handlingBreachedAt, extension, repliedAt,
                replyText, reworkCount, closedAt, rejectedAt, rejectionReason, overdue, processInstanceId, breaches,
                ladder, linked);
    }

    /**
     * @param showContact whether the reader may see the complainant's contact data; when not, {@code contact} is
     *                    absent and {@code contactWithheld} is true
     */
    static ComplaintView of(Complaint c, Instant now, List<DeadlineBreach> breaches, boolean showContact) {
        boolean hasContact = !c.isAnonymous();
        return new ComplaintView(c.getTrackingNumber(), c.getStatus(), c.getDepartmentCode(),
                c.getHandlingDepartmentCode(), c.getCategory(), c.getPriority(), c.getTitle(), c.getDescription(),
                c.getApprovalCaseNumber(), c.getIncidentDate(), c.isAnonymous(),
                hasContact && showContact ? new Contact(c.getContactName(), c.getContactPhone(), c.getContactEmail())
                        : null,
                hasContact && !showContact ? Boolean.TRUE : null,
                c.getSubmittedAt(), c.getRoutedAt(), c.getRedirectCount(), c.getFirstFeedbackDueAt(),
                c.getFirstFeedbackAt(), c.getFirstFeedbackText(), c.getFirstFeedbackBreachedAt(),
                c.getHandlingStartedAt(), c.getHandlingDueAt(), c.getHandlingBreachedAt(),
                c.getExtensionRequestedAt() == null ? null : new Extension(c.getExtensionRequestedAt(),
                        c.getExtensionWorkingDays(), c.getExtensionReason(), c.getExtensionApproved(),
                        c.getExtensionDecidedAt()),
                c.getRepliedAt(), c.getReplyText(), c.getReworkCount(), c.getClosedAt(), c.getRejectedAt(),
                c.getRejectionReason(), c.isOverdue(now), c.getProcessInstanceId(),
                breaches == null ? null : breaches.stream()
                        .map(b -> new Breach(b.getKind().name(), b.getDepartmentCode(), b.getDueAt(), b.getRecordedAt()))
                        .toList(), Ladder.of(c), null);
    }
}
