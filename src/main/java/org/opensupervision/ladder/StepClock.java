package org.opensupervision.ladder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.opensupervision.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The due date and reminder date of a waiting step, for the model's expressions:
 * {@code camunda:dueDate="${stepClock.dueAt(execution, 'rating-callback')}"} on the task and the same expression in
 * its deadline timer, {@code ${stepClock.reminderAt(execution, 'rating-callback')}} in its reminder timer.
 *
 * <p>The step's clock starts when the case enters the step: the due date is computed once, on the official
 * working-day calendar, and kept as a local variable ({@value #DUE_AT}) of the step's own execution, so that the task's
 * due date and both timers read the same instant, and a step entered again (a loop) gets a clock of its own. The
 * timers are created before the task's listeners run, which is why this is an expression and not a listener.
 */
@Component("stepClock")
public class StepClock {

    /** The local variable holding the step's due date. */
    public static final String DUE_AT = "stepDueAt";

    private final WorkingDayCalendar calendar;
    private final StepLadderProperties properties;
    private final Clock clock;

    StepClock(WorkingDayCalendar calendar, StepLadderProperties properties, Clock clock) {
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
    }

    /** When the step is due: its configured working days after it was entered, at the end of that day. */
    public Date dueAt(VariableScope execution, String step) {
        Object known = execution.getVariableLocal(DUE_AT);
        if (known instanceof Date date) {
            return date;
        }
        Date due = Date.from(calendar.addWorkingDays(clock.instant(), properties.workingDaysOf(step)));
        execution.setVariableLocal(DUE_AT, due);
        return due;
    }

    /**
     * When the reminder goes: the configured working days before the due date ({@link #reminderFor(Instant, Instant)}),
     * the step entered now.
     */
    public Date reminderAt(VariableScope execution, String step) {
        return Date.from(reminderFor(clock.instant(), dueAt(execution, step).toInstant()));
    }

    /**
     * The one reminder rule of every waiting step, the supervision office's tasks of complaint-handling included: the
     * configured working days before the due date ({@code supervision.step-ladder.reminder-working-days-before}, 1:
     * the start of its last working day); a step entered later than that, shorter than its reminder period, is
     * reminded half-way to its due date, never at a moment already past.
     */
    public Instant reminderFor(Instant enteredAt, Instant dueAt) {
        Instant reminder = calendar.subtractWorkingDays(dueAt, properties.reminderWorkingDaysBefore());
        return reminder.isAfter(enteredAt) ? reminder : enteredAt.plus(Duration.between(enteredAt, dueAt).dividedBy(2));
    }
}
