package org.opensupervision.evaluation.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.evaluation.EvaluationProperties;
import org.springframework.stereotype.Component;

/**
 * The dates of {@code monthly-evaluation}, on the official working-day calendar: the timer cycle of its start event
 * ({@code ${evaluationSchedule.cycle}}, read when the model is deployed), the month a run evaluates and when it
 * computes ({@code planMonthlyEvaluation}), and the review's due and reminder dates ({@code computeEvaluation}).
 */
@Component("evaluationSchedule")
public class EvaluationSchedule {

    private final EvaluationProperties properties;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    EvaluationSchedule(EvaluationProperties properties, WorkingDayCalendar calendar, Clock clock) {
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
    }

    public String getCycle() {
        return properties.cycle();
    }

    /** A run's month and when it computes. */
    record Plan(YearMonth month, Instant computeAt) {
    }

    /** The review's dates. */
    record Review(Instant dueAt, Instant reminderAt) {
    }

    /**
     * The month to evaluate is the one before now (China Standard Time); the computation waits for the first working
     * day of the new month at the compute time (so 1 January or a Spring Festival holiday is skipped), or runs at
     * once when that is past.
     */
    Plan plan() {
        ZoneId zone = calendar.zone();
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(zone));
        LocalDate day = current.atDay(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        Instant computeAt = day.atTime(properties.computeTime()).atZone(zone).toInstant();
        return new Plan(current.minusMonths(1), computeAt.isBefore(now) ? now : computeAt);
    }

    /**
     * A review opened now: due {@code review-working-days} working days later, reminded
     * {@code reminder-working-days-before} working days before that (now, if that is past).
     */
    Review review() {
        Instant now = clock.instant();
        Instant due = calendar.addWorkingDays(now, properties.reviewWorkingDays());
        Instant reminder = calendar.subtractWorkingDays(due, properties.reminderWorkingDaysBefore());
        return new Review(due, reminder.isBefore(now) ? now : reminder);
    }
}
