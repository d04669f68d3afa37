package org.opensupervision.rating;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.opensupervision.access.EngineGrantContribution;
import org.opensupervision.access.EngineGrants;

import org.springframework.stereotype.Component;

/**
 * The departments read the diagram and forms of {@code citizen-rating}, which gives them the rectification and
 * callback tasks; no instance or history.
 */
@Component
class RatingEngineGrants implements EngineGrantContribution {

    @Override
    public void contribute(EngineGrants grants) {
        grants.grantEveryDepartment(Resources.PROCESS_DEFINITION, RatingProcess.KEY,
                ProcessDefinitionPermissions.READ);
    }
}
