package org.opensupervision.spotcheck;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.opensupervision.access.EngineGrantContribution;
import org.opensupervision.access.EngineGrants;
import org.opensupervision.workflow.SupervisionProcesses.SpotCheck;
import org.springframework.stereotype.Component;

/**
 * The departments read the diagram and forms of {@code spot-check}, which gives them the rectification tasks; no
 * instance or history.
 */
@Component
class SpotCheckEngineGrants implements EngineGrantContribution {

    @Override
    public void contribute(EngineGrants grants) {
        grants.grantEveryDepartment(Resources.PROCESS_DEFINITION, SpotCheck.KEY,
                ProcessDefinitionPermissions.READ);
    }
}
