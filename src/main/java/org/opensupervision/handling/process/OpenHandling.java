package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.springframework.stereotype.Component;

/**
 * Marks the case as in handling once the first feedback is given. The handling clock itself started at routing
 * ({@link RecordRouting}); the sub-process's timers are created from the deadline set there.
 */
@Component("openHandling")
class OpenHandling implements JavaDelegate {

    private final ComplaintRecords records;

    OpenHandling(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.openHandling(execution.getProcessBusinessKey());
    }
}
