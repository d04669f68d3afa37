package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/** The department replied; the reply goes to the supervision office for review. */
@Component("recordReply")
class RecordReply implements JavaDelegate {

    private final ComplaintRecords records;

    RecordReply(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.recordReply(execution.getProcessBusinessKey(),
                ProcessVariables.requiredString(execution, Var.REPLY_TEXT).trim());
    }
}
