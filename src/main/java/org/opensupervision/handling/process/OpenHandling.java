package org.opensupervision.handling.process;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.handling.HandlingDeadlinePolicy;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/**
 * Marks the case as in handling once the first feedback is given. The handling clock itself started at routing
 * ({@link RecordRouting}); the sub-process's timers are created from the deadline set there.
 */
@Component("openHandling")
class OpenHandling implements JavaDelegate {

    private final ComplaintRecords records;

    OpenHandling(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.openHandling(execution.getProcessBusinessKey());
    }

    static void setHandlingDeadline(DelegateExecution execution, HandlingDeadlinePolicy policy,
                                    DeadlineDisplay display, Instant dueAt) {
        execution.setVariable(Var.HANDLING_DUE_AT, Date.from(dueAt));
        execution.setVariable(Var.HANDLING_DUE_DISPLAY, display.format(dueAt));
        execution.setVariable(Var.HANDLING_REMINDER_AT, Date.from(policy.reminderAt(dueAt)));
    }
}
