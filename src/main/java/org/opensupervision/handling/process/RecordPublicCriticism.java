package org.opensupervision.handling.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.handling.SupervisionLadderPolicy;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/**
 * The 督办 notice was ignored: the head of the department is told (通报), recorded with the date by which the
 * department must act; the mail step after this one sends it.
 */
@Component("recordPublicCriticism")
class RecordPublicCriticism implements JavaDelegate {

    private final ComplaintRecords records;
    private final SupervisionLadderPolicy ladder;
    private final Clock clock;

    RecordPublicCriticism(ComplaintRecords records, SupervisionLadderPolicy ladder, Clock clock) {
        this.records = records;
        this.ladder = ladder;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant dueAt = ladder.criticismDueAt(clock.instant());
        execution.setVariable(Var.CRITICISM_DUE_AT, Date.from(dueAt));
        records.recordPublicCriticism(execution.getProcessBusinessKey(), dueAt);
    }
}
