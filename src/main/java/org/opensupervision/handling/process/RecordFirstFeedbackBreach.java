package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.springframework.stereotype.Component;

/** 24 hours passed without first feedback: the breach is held against the department that has the case now. */
@Component("recordFirstFeedbackBreach")
class RecordFirstFeedbackBreach implements JavaDelegate {

    private final ComplaintRecords records;

    RecordFirstFeedbackBreach(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.recordFirstFeedbackBreach(execution.getProcessBusinessKey());
    }
}
