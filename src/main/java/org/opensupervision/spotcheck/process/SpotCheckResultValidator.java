package org.opensupervision.spotcheck.process;

import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** A spot check needs how the complainant was reached, whether the record matches, and findings for a mismatch. */
@Component("spotCheckResultValidator")
class SpotCheckResultValidator implements TaskListener {

    private static final Set<String> CONTACT_METHODS = Set.of("PHONE", "VISIT", "NOT_REACHED");

    @Override
    public void notify(DelegateTask task) {
        Object method = task.getVariable("contactMethod");
        if (method == null || !CONTACT_METHODS.contains(method.toString())) {
            throw new BadUserRequestException("请在「核查方式」中选择电话回访、上门走访或未能联系");
        }
        Object answer = task.getVariable("recordMatches");
        if (answer == null || !Set.of("true", "false").contains(answer.toString())) {
            throw new BadUserRequestException("请在「网上记录是否属实」中选择是或否");
        }
        boolean matches = Boolean.parseBoolean(answer.toString());
        task.setVariable("recordMatches", matches);
        Object findings = task.getVariable("findings");
        if (!matches && (findings == null || findings.toString().isBlank())) {
            throw new BadUserRequestException("记录不符须在「核查情况」中写明核查情况");
        }
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        task.setVariable("spotCheckInspector", user != null ? user.getUserId() : task.getAssignee());
    }
}
