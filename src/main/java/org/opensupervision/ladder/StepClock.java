package org.opensupervision.ladder;

import java.time.Clock;
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
     * When the reminder goes: the configured working days before the due date; a step shorter than that is reminded
     * when it is entered, never at a moment already past.
     */
    public Date reminderAt(VariableScope execution, String step) {
        Instant due = dueAt(execution, step).toInstant();
        Instant reminder = calendar.subtractWorkingDays(due, properties.reminderWorkingDaysBefore());
        Instant now = clock.instant();
        return Date.from(reminder.isBefore(now) ? now : reminder);
    }
}
