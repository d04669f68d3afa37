package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** The supervision office rejected the complaint as out of scope; the reason goes to the citizen. */
@Component("recordRejection")
class RecordRejection implements JavaDelegate {

    private final ComplaintRecords records;

    RecordRejection(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.reject(execution.getProcessBusinessKey(),
                ProcessVariables.requiredText(execution, Var.TRIAGE_REASON).trim());
    }
}
