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

/** Starts the handling clock: due a number of working days after routing, with a reminder before. */
@Component("openHandling")
class OpenHandling implements JavaDelegate {

    private final ComplaintRecords records;
    private final HandlingDeadlinePolicy policy;
    private final DeadlineDisplay display;

    OpenHandling(ComplaintRecords records, HandlingDeadlinePolicy policy, DeadlineDisplay display) {
        this.records = records;
        this.policy = policy;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant dueAt = policy.dueAt(ProcessVariables.instant(execution, Var.ROUTED_AT));
        setHandlingDeadline(execution, policy, display, dueAt);
        records.openHandling(execution.getProcessBusinessKey(), dueAt);
    }

    static void setHandlingDeadline(DelegateExecution execution, HandlingDeadlinePolicy policy,
                                    DeadlineDisplay display, Instant dueAt) {
        execution.setVariable(Var.HANDLING_DUE_AT, Date.from(dueAt));
        execution.setVariable(Var.HANDLING_DUE_DISPLAY, display.format(dueAt));
        execution.setVariable(Var.HANDLING_REMINDER_AT, Date.from(policy.reminderAt(dueAt)));
    }
}
