package org.opensupervision.handling.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.handling.OfficeTaskDeadlinePolicy;
import org.opensupervision.ladder.StepClock;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** The department replied; the reply goes to the supervision office for review, which is due in working days. */
@Component("recordReply")
class RecordReply implements JavaDelegate {

    private final ComplaintRecords records;
    private final OfficeTaskDeadlinePolicy office;
    private final StepClock stepClock;
    private final Clock clock;

    RecordReply(ComplaintRecords records, OfficeTaskDeadlinePolicy office, StepClock stepClock, Clock clock) {
        this.records = records;
        this.office = office;
        this.stepClock = stepClock;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.recordReply(execution.getProcessBusinessKey(),
                ProcessVariables.requiredText(execution, Var.REPLY_TEXT).trim());
        Instant reviewDueAt = office.replyReviewDueAt(clock.instant());
        execution.setVariable(Var.REPLY_REVIEW_DUE_AT, Date.from(reviewDueAt));
        execution.setVariable(Var.REPLY_REVIEW_REMINDER_AT,
                Date.from(stepClock.reminderFor(clock.instant(), reviewDueAt)));
    }
}
