package org.opensupervision.handling;

import java.time.Instant;

import org.opensupervision.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The supervision ladder after a missed handling deadline (DOMAIN.md: reminder, 督办, 通报, 执纪问责): once the 督办
 * notice is sent the department has a number of working days (3) to reply; if it has not, its head is told (通报)
 * and the department has a number of working days (3) more; if it still has not, the case goes to the supervision
 * rules, whose discipline table refers it to the inspectors.
 */
@Component
public class SupervisionLadderPolicy {

    private final WorkingDayCalendar calendar;
    private final DeadlineProperties.Ladder rule;

    SupervisionLadderPolicy(WorkingDayCalendar calendar, DeadlineProperties properties) {
        this.calendar = calendar;
        this.rule = properties.ladder();
    }

    /** By when the department must act on a 督办 notice sent at {@code sentAt}. */
    public Instant noticeDueAt(Instant sentAt) {
        return calendar.addWorkingDays(sentAt, rule.noticeWorkingDays());
    }

    /** By when the department must act after its head was told at {@code criticizedAt}. */
    public Instant criticismDueAt(Instant criticizedAt) {
        return calendar.addWorkingDays(criticizedAt, rule.criticismWorkingDays());
    }
}
