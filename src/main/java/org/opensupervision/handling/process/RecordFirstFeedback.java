package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** The department gave its first feedback. */
@Component("recordFirstFeedback")
class RecordFirstFeedback implements JavaDelegate {

    private final ComplaintRecords records;

    RecordFirstFeedback(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.recordFirstFeedback(execution.getProcessBusinessKey(),
                ProcessVariables.requiredText(execution, Var.FIRST_FEEDBACK_TEXT).trim());
    }
}
