package org.opensupervision.complaint.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.opensupervision.complaint.BreachFacts;
import org.opensupervision.complaint.ComplaintCategory;
import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintStatus;
import org.opensupervision.complaint.LinkedApprovalCase;
import org.opensupervision.privacy.StaffContact;

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

        static Ladder of(ComplaintFacts c) {
            return c.supervisionNoticeAt() == null ? null : new Ladder(c.supervisionNoticeAt(),
                    c.supervisionNoticeDueAt(), c.criticizedAt(), c.criticismDueAt(), c.referredToRulesAt());
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
     * @param contact what the reader may see of the complainant's contact data; when withheld, {@code contact} is
     *                absent and {@code contactWithheld} is true
     */
    static ComplaintView of(ComplaintFacts c, Instant now, List<BreachFacts> breaches, StaffContact contact) {
        return new ComplaintView(c.trackingNumber(), c.status(), c.departmentCode(), c.handlingDepartmentCode(),
                c.category(), c.priority(), c.title(), c.description(), c.approvalCaseNumber(), c.incidentDate(),
                c.anonymous(),
                contact.visible() ? new Contact(contact.shown().name(), contact.shown().phone(),
                        contact.shown().email()) : null,
                contact.withheld() ? Boolean.TRUE : null,
                c.submittedAt(), c.routedAt(), c.redirectCount(), c.firstFeedbackDueAt(), c.firstFeedbackAt(),
                c.firstFeedbackText(), c.firstFeedbackBreachedAt(), c.handlingStartedAt(), c.handlingDueAt(),
                c.handlingBreachedAt(),
                c.extensionRequestedAt() == null ? null : new Extension(c.extensionRequestedAt(),
                        c.extensionWorkingDays(), c.extensionReason(), c.extensionApproved(),
                        c.extensionDecidedAt()),
                c.repliedAt(), c.replyText(), c.reworkCount(), c.closedAt(), c.rejectedAt(), c.rejectionReason(),
                c.isOverdue(now), c.processInstanceId(),
                breaches == null ? null : breaches.stream()
                        .map(b -> new Breach(b.kind().name(), b.departmentCode(), b.dueAt(), b.recordedAt()))
                        .toList(), Ladder.of(c), null);
    }
}
