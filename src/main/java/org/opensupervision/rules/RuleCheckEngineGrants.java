package org.opensupervision.rules;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.opensupervision.access.EngineGrantContribution;
import org.opensupervision.access.EngineGrants;
import org.opensupervision.workflow.SupervisionProcesses.RuleCheck;
import org.springframework.stereotype.Component;

/**
 * The departments read the diagram and forms of {@code supervision-rule-check}, which gives them the supervision
 * notices; no instance or history.
 */
@Component
class RuleCheckEngineGrants implements EngineGrantContribution {

    @Override
    public void contribute(EngineGrants grants) {
        grants.grantEveryDepartment(Resources.PROCESS_DEFINITION, RuleCheck.KEY,
                ProcessDefinitionPermissions.READ);
    }
}
