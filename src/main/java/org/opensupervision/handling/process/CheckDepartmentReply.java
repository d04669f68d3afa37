package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import java.time.Clock;

import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/**
 * A step of the supervision ladder came due: is the department still overdue? A reply after the missed deadline stops
 * the ladder, and so does a deadline moved ahead (an approved extension, or the deadline a rework gets after the
 * missed one: that has its own clock, and its own ladder when it is missed too).
 */
@Component("checkDepartmentReply")
class CheckDepartmentReply implements JavaDelegate {

    private final ComplaintRecords records;
    private final Clock clock;

    CheckDepartmentReply(ComplaintRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean replied = records.find(execution.getProcessBusinessKey())
                .orElseThrow(() -> new IllegalStateException("No complaint " + execution.getProcessBusinessKey()))
                .handlingLadderSettled(clock.instant());
        execution.setVariable(Var.REPLIED_SINCE_BREACH, replied);
    }
}
