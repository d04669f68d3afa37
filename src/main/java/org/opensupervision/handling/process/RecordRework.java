package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/** The reply goes back to the department; the number of returns is kept (a rework-rate KPI). */
@Component("recordRework")
class RecordRework implements JavaDelegate {

    private final ComplaintRecords records;

    RecordRework(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int count = records.recordRework(execution.getProcessBusinessKey());
        execution.setVariable(Var.REWORK_COUNT, (long) count);
        execution.setVariable(Var.HANDLING_ACTION, null);
    }
}
