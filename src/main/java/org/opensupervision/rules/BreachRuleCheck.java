package org.opensupervision.rules;

import org.opensupervision.complaint.BreachKind;
import org.opensupervision.complaint.DeadlineBreachRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every recorded deadline breach is a reason to look at the department's record under the rules: its check is
 * requested in the breach's transaction and started by a job of its own ({@link BreachRuleCheckRequests}).
 */
@Component
class BreachRuleCheck {

    private final BreachRuleCheckRequests requests;

    BreachRuleCheck(BreachRuleCheckRequests requests) {
        this.requests = requests;
    }

    @EventListener
    void on(DeadlineBreachRecorded breach) {
        requests.request(breach.trackingNumber(), breach.departmentCode(), breach.category().name(),
                breach.kind() == BreachKind.FIRST_FEEDBACK ? RuleTrigger.FIRST_FEEDBACK_BREACH
                        : RuleTrigger.HANDLING_BREACH);
    }
}
