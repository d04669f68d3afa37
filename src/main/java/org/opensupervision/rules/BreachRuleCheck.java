package org.opensupervision.rules;

import org.opensupervision.complaint.BreachKind;
import org.opensupervision.complaint.DeadlineBreachRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every recorded deadline breach is a reason to look at the department's record under the rules. */
@Component
class BreachRuleCheck {

    private final SupervisionRules rules;

    BreachRuleCheck(SupervisionRules rules) {
        this.rules = rules;
    }

    @EventListener
    void on(DeadlineBreachRecorded breach) {
        rules.requestCheck(breach.trackingNumber(), breach.departmentCode(), breach.category().name(),
                breach.kind() == BreachKind.FIRST_FEEDBACK ? RuleTrigger.FIRST_FEEDBACK_BREACH
                        : RuleTrigger.HANDLING_BREACH);
    }
}
