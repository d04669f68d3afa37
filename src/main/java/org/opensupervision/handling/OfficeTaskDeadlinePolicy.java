package org.opensupervision.handling;

import java.time.Instant;

import org.opensupervision.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The supervision office is supervised too: its triage is due a number of clock hours after submission (24 h by
 * default, like the first feedback it guards), its 督办 notice a number of working days after the breach (1), its
 * review of a reply a number of working days after the reply (3). The reminder (the task's follow-up date, and a mail
 * to the office at that moment) comes 4 h before triage is due; for the tasks due in working days it is the ladder's
 * one reminder rule ({@code StepClock.reminderFor}). A task left past its due date is offered to the head of the
 * office.
 */
@Component
public class OfficeTaskDeadlinePolicy {

    private final WorkingDayCalendar calendar;
    private final DeadlineProperties properties;

    OfficeTaskDeadlinePolicy(WorkingDayCalendar calendar, DeadlineProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    /** When triage of a complaint submitted at {@code submittedAt} is due. */
    public Instant triageDueAt(Instant submittedAt) {
        return submittedAt.plus(properties.triage().deadline());
    }

    /** When the office is reminded of triage. */
    public Instant triageReminderAt(Instant submittedAt) {
        return triageDueAt(submittedAt).minus(properties.triage().reminderBefore());
    }

    /** When the 督办 notice on a handling breach recorded at {@code breachedAt} is due from the office. */
    public Instant supervisionNoticeTaskDueAt(Instant breachedAt) {
        return calendar.addWorkingDays(breachedAt, properties.ladder().noticeTaskWorkingDays());
    }

    /** When the review of a reply submitted at {@code repliedAt} is due. */
    public Instant replyReviewDueAt(Instant repliedAt) {
        return calendar.addWorkingDays(repliedAt, properties.review().workingDays());
    }
}
