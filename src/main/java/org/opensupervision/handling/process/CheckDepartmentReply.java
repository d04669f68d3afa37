package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/**
 * A step of the supervision ladder came due: has the department replied since its handling deadline was missed? A
 * reply stops the ladder (a rework afterwards keeps the breach, but starts no second ladder).
 */
@Component("checkDepartmentReply")
class CheckDepartmentReply implements JavaDelegate {

    private final ComplaintRecords records;

    CheckDepartmentReply(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean replied = records.find(execution.getProcessBusinessKey())
                .orElseThrow(() -> new IllegalStateException("No complaint " + execution.getProcessBusinessKey()))
                .repliedSinceHandlingBreach();
        execution.setVariable(Var.REPLIED_SINCE_BREACH, replied);
    }
}
