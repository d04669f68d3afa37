package org.opensupervision.handling.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * A handling reminder came due. Its timer is created again each time the case enters handling (after the first
 * feedback, a rework, an extension), so a reminder whose moment has passed comes due at once: it is sent only when
 * its deadline is still ahead and that deadline was not reminded of before. No "due soon" after the deadline, and
 * no second reminder of the same deadline.
 */
@Component("checkHandlingReminder")
class CheckHandlingReminder implements JavaDelegate {

    private final Clock clock;

    CheckHandlingReminder(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant dueAt = ProcessVariables.instant(execution, Var.HANDLING_DUE_AT);
        Object sentFor = execution.getVariable(Var.HANDLING_REMINDER_SENT_FOR);
        boolean due = clock.instant().isBefore(dueAt)
                && !(sentFor instanceof Date date && date.toInstant().equals(dueAt));
        execution.setVariable(Var.HANDLING_REMINDER_DUE, due);
        if (due) {
            execution.setVariable(Var.HANDLING_REMINDER_SENT_FOR, Date.from(dueAt));
        }
    }
}
