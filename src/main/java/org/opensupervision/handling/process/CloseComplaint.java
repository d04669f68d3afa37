package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.springframework.stereotype.Component;

/** The supervision office approved the reply: the case is closed. */
@Component("closeComplaint")
class CloseComplaint implements JavaDelegate {

    private final ComplaintRecords records;

    CloseComplaint(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.close(execution.getProcessBusinessKey());
    }
}
