package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/**
 * The handling deadline passed. A case returned for rework after its deadline re-enters handling and its breach
 * timer fires again at once: that is the same breach, recorded once, and no second supervision notice.
 */
@Component("recordHandlingBreach")
class RecordHandlingBreach implements JavaDelegate {

    private final ComplaintRecords records;

    RecordHandlingBreach(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Var.HANDLING_BREACH_IS_NEW,
                records.recordHandlingBreach(execution.getProcessBusinessKey()));
    }
}
