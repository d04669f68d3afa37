package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** The department asked for its one extension. */
@Component("recordExtensionRequest")
class RecordExtensionRequest implements JavaDelegate {

    private final ComplaintRecords records;

    RecordExtensionRequest(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Var.EXTENSION_REQUESTED, true);
        records.recordExtensionRequest(execution.getProcessBusinessKey(),
                ProcessVariables.integer(execution, Var.EXTENSION_WORKING_DAYS),
                ProcessVariables.requiredText(execution, Var.EXTENSION_REASON).trim());
    }
}
