package org.opensupervision.handling.process;

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
 * Moves the handling deadline by the approved number of working days. The model then re-enters the handling
 * sub-process, whose reminder and breach timers are created afresh from the new dates.
 */
@Component("extendHandlingDeadline")
class ExtendHandlingDeadline implements JavaDelegate {

    private final ComplaintRecords records;
    private final HandlingDeadlinePolicy policy;
    private final DeadlineDisplay display;

    ExtendHandlingDeadline(ComplaintRecords records, HandlingDeadlinePolicy policy, DeadlineDisplay display) {
        this.records = records;
        this.policy = policy;
        this.display = display;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant newDueAt = policy.extendedDueAt(ProcessVariables.instant(execution, Var.HANDLING_DUE_AT),
                ProcessVariables.integer(execution, Var.EXTENSION_WORKING_DAYS));
        RecordRouting.setHandlingDeadline(execution, policy, display, newDueAt);
        records.extendHandlingDeadline(execution.getProcessBusinessKey(), newDueAt);
    }
}
