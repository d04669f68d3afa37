package org.opensupervision.handling.process;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.handling.HandlingDeadlinePolicy;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The reply goes back to the department; the number of returns is kept (a rework-rate KPI). Returned after the
 * handling deadline passed, the redo gets a deadline of its own ({@code supervision.handling.rework-working-days}):
 * the sub-process is entered again with timers from it, so a redo is never left without a clock.
 */
@Component("recordRework")
class RecordRework implements JavaDelegate {

    private final ComplaintRecords records;
    private final HandlingDeadlinePolicy policy;
    private final DeadlineDisplay display;
    private final Clock clock;

    RecordRework(ComplaintRecords records, HandlingDeadlinePolicy policy, DeadlineDisplay display, Clock clock) {
        this.records = records;
        this.policy = policy;
        this.display = display;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int count = records.recordRework(execution.getProcessBusinessKey());
        execution.setVariable(Var.REWORK_COUNT, (long) count);
        execution.setVariable(Var.HANDLING_ACTION, null);
        Instant dueAt = ProcessVariables.instant(execution, Var.HANDLING_DUE_AT);
        Instant reworkDueAt = policy.reworkDueAt(dueAt, clock.instant());
        if (!reworkDueAt.equals(dueAt)) {
            RecordRouting.setHandlingDeadline(execution, policy, display, reworkDueAt);
            records.extendHandlingDeadline(execution.getProcessBusinessKey(), reworkDueAt);
        }
    }
}
