package org.opensupervision.handling;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.opensupervision.access.EngineGrantContribution;
import org.opensupervision.access.EngineGrants;
import org.opensupervision.workflow.ComplaintProcess;
import org.springframework.stereotype.Component;

/**
 * The departments read the diagram and forms of {@code complaint-handling}, the model of their own tasks; no instance
 * or history (their cases come to them as tasks).
 */
@Component
class ComplaintHandlingEngineGrants implements EngineGrantContribution {

    @Override
    public void contribute(EngineGrants grants) {
        grants.grantEveryDepartment(Resources.PROCESS_DEFINITION, ComplaintProcess.KEY,
                ProcessDefinitionPermissions.READ);
    }
}
