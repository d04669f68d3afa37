package org.opensupervision.handling.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.rules.RuleTrigger;
import org.opensupervision.rules.SupervisionRules;
import org.springframework.stereotype.Component;

/**
 * The last step of the ladder: the department ignored the 督办 notice and the 通报. The case goes to the supervision
 * rules (trigger {@code CRITICISM_IGNORED}), whose discipline table refers it to the inspectors; the check runs in a
 * job of its own after this step commits.
 */
@Component("referOverdueHandlingToRules")
class ReferOverdueHandlingToRules implements JavaDelegate {

    private final ComplaintRecords records;
    private final SupervisionRules rules;

    ReferOverdueHandlingToRules(ComplaintRecords records, SupervisionRules rules) {
        this.records = records;
        this.rules = rules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.recordReferralToRules(execution.getProcessBusinessKey());
        rules.requestCheck(execution.getProcessBusinessKey(), RuleTrigger.CRITICISM_IGNORED);
    }
}
