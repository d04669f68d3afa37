package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** The supervision office approved or refused the extension. */
@Component("recordExtensionDecision")
class RecordExtensionDecision implements JavaDelegate {

    private final ComplaintRecords records;

    RecordExtensionDecision(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = ProcessVariables.flag(execution, Var.EXTENSION_APPROVED);
        execution.setVariable(Var.EXTENSION_APPROVED, approved);
        records.recordExtensionDecision(execution.getProcessBusinessKey(), approved);
    }
}
