package org.opensupervision.rules.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.notification.Notice;
import org.opensupervision.notification.Notifications;
import org.opensupervision.rules.RuleDecision;
import org.opensupervision.rules.SupervisionRules;
import org.opensupervision.workflow.SupervisionProcesses.RuleCheck;
import org.springframework.stereotype.Component;

/**
 * The mails of {@code supervision-rule-check}: an early warning to the department ({@code sendRuleWarning}), or the
 * supervision notice the office wrote, to the department and its head ({@code sendRuleNotice}). Both cite the table
 * version and rule that decided; the two beans differ only in the notice.
 */
abstract class SendRuleMail implements JavaDelegate {

    private final Notice notice;
    private final SupervisionRules rules;
    private final DepartmentDirectory departments;
    private final Notifications notifications;

    SendRuleMail(Notice notice, SupervisionRules rules, DepartmentDirectory departments, Notifications notifications) {
        this.notice = notice;
        this.rules = rules;
        this.departments = departments;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String trackingNumber = execution.getProcessBusinessKey();
        Department department = departments.get((String) execution.getVariable(RuleCheck.DEPARTMENT_CODE));
        Long decisionId = (Long) execution.getVariable(RuleCheck.DECISION_ID);
        RuleDecision decision = rules.decisionsOf(trackingNumber).stream()
                .filter(d -> d.getId().equals(decisionId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No rule decision " + decisionId));
        Map<String, Object> model = new HashMap<>();
        model.put("trackingNumber", trackingNumber);
        Object casePath = execution.getVariable(RuleCheck.CASE_PATH);
        model.put("casePath", casePath != null ? casePath : "/staff/complaints/" + trackingNumber);
        model.put("redCards", decision.getRedCards());
        model.put("yellowCards", decision.getYellowCards());
        model.put("department", department);
        model.put("decidedBy", execution.getVariable(RuleCheck.DECIDED_BY));
        model.put("reason", decision.getReason());
        model.put("severity", decision.getSeverity());
        model.put("firstFeedbackBreaches", decision.getFirstFeedbackBreaches());
        model.put("handlingBreaches", decision.getHandlingBreaches());
        model.put("badRatings", decision.getBadRatings());
        model.put("discrepancies", decision.getSpotCheckDiscrepancies());
        Object noticeText = execution.getVariable(RuleCheck.NOTICE_TEXT);
        model.put("noticeText", noticeText == null ? "" : noticeText);
        List<String> cc = notice == Notice.RULE_NOTICE ? List.of(department.headAddress()) : List.of();
        notifications.send(notice, trackingNumber, List.of(department.notificationAddress()), cc, model);
    }

    @Component("sendRuleWarning")
    static class SendRuleWarning extends SendRuleMail {

        SendRuleWarning(SupervisionRules rules, DepartmentDirectory departments, Notifications notifications) {
            super(Notice.RULE_WARNING, rules, departments, notifications);
        }
    }

    @Component("sendRuleNotice")
    static class SendRuleNotice extends SendRuleMail {

        SendRuleNotice(SupervisionRules rules, DepartmentDirectory departments, Notifications notifications) {
            super(Notice.RULE_NOTICE, rules, departments, notifications);
        }
    }
}
