package org.opensupervision.rules.process;

import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.opensupervision.rules.SupervisionRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two mail steps of {@code supervision-rule-check}, named in the model. */
@Configuration(proxyBeanMethods = false)
class RuleMailSteps {

    @Bean
    SendRuleMail sendRuleWarning(SupervisionRules rules, DepartmentDirectory departments,
                                 Notifications notifications) {
        return new SendRuleMail(Notice.RULE_WARNING, rules, departments, notifications);
    }

    @Bean
    SendRuleMail sendRuleNotice(SupervisionRules rules, DepartmentDirectory departments,
                                Notifications notifications) {
        return new SendRuleMail(Notice.RULE_NOTICE, rules, departments, notifications);
    }
}
