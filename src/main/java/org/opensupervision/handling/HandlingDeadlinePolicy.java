package org.opensupervision.handling;

import java.time.Instant;

import org.opensupervision.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * Handling is due a number of working days (15 by default) after routing, on the official working-day calendar;
 * the department is reminded one working day before, and may get one extension.
 */
@Component
public class HandlingDeadlinePolicy {

    private final WorkingDayCalendar calendar;
    private final DeadlineProperties.Handling rule;

    HandlingDeadlinePolicy(WorkingDayCalendar calendar, DeadlineProperties properties) {
        this.calendar = calendar;
        this.rule = properties.handling();
    }

    /** When handling of a case routed at {@code routedAt} is due. */
    public Instant dueAt(Instant routedAt) {
        return calendar.addWorkingDays(routedAt, rule.workingDays());
    }

    /** When the department is reminded of the deadline {@code dueAt}. */
    public Instant reminderAt(Instant dueAt) {
        return calendar.subtractWorkingDays(dueAt, rule.reminderWorkingDaysBefore());
    }

    /** The deadline after an approved extension of {@code workingDays}. */
    public Instant extendedDueAt(Instant dueAt, int workingDays) {
        return calendar.addWorkingDays(dueAt, workingDays);
    }

    /**
     * The deadline of a rework returned at {@code returnedAt}: the current deadline while it lies ahead, else a
     * deadline of its own (5 working days by default) so that the redo has a clock.
     */
    public Instant reworkDueAt(Instant currentDueAt, Instant returnedAt) {
        return currentDueAt.isAfter(returnedAt) ? currentDueAt
                : calendar.addWorkingDays(returnedAt, rule.reworkWorkingDays());
    }

    /** The longest extension a department may ask for, in working days. */
    public int maxExtensionWorkingDays() {
        return rule.maxExtensionWorkingDays();
    }
}
