package org.opensupervision.handling.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.handling.SupervisionLadderPolicy;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/** The office wrote the 督办 notice: it is recorded with the date by which the department must act on it. */
@Component("recordSupervisionNotice")
class RecordSupervisionNotice implements JavaDelegate {

    private final ComplaintRecords records;
    private final SupervisionLadderPolicy ladder;
    private final DeadlineDisplay display;
    private final Clock clock;

    RecordSupervisionNotice(ComplaintRecords records, SupervisionLadderPolicy ladder, DeadlineDisplay display,
                            Clock clock) {
        this.records = records;
        this.ladder = ladder;
        this.display = display;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant dueAt = ladder.noticeDueAt(clock.instant());
        execution.setVariable(Var.SUPERVISION_NOTICE_DUE_AT, Date.from(dueAt));
        execution.setVariable(Var.SUPERVISION_NOTICE_DUE_DISPLAY, display.format(dueAt));
        records.recordSupervisionNotice(execution.getProcessBusinessKey(), dueAt);
    }
}
