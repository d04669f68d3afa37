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
import org.springframework.stereotype.Component;

/**
 * The handling deadline passed, in handling or still before the first feedback. A case returned for rework (or given
 * its first feedback) after its deadline enters handling and its breach timer fires again at once: that is the same
 * breach, recorded once, and no second supervision ladder. A new breach gives the office's 督办 notice its due date.
 */
@Component("recordHandlingBreach")
class RecordHandlingBreach implements JavaDelegate {

    private final ComplaintRecords records;
    private final OfficeTaskDeadlinePolicy office;
    private final StepClock stepClock;
    private final Clock clock;

    RecordHandlingBreach(ComplaintRecords records, OfficeTaskDeadlinePolicy office, StepClock stepClock, Clock clock) {
        this.records = records;
        this.office = office;
        this.stepClock = stepClock;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean isNew = records.recordHandlingBreach(execution.getProcessBusinessKey());
        execution.setVariable(Var.HANDLING_BREACH_IS_NEW, isNew);
        if (isNew) {
            Instant noticeDueAt = office.supervisionNoticeTaskDueAt(clock.instant());
            execution.setVariable(Var.SUPERVISION_NOTICE_TASK_DUE_AT, Date.from(noticeDueAt));
            execution.setVariable(Var.SUPERVISION_NOTICE_TASK_REMINDER_AT,
                    Date.from(stepClock.reminderFor(clock.instant(), noticeDueAt)));
        }
    }
}
