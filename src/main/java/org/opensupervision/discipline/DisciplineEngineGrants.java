package org.opensupervision.discipline;

import java.util.List;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.opensupervision.access.EngineGrantContribution;
import org.opensupervision.access.EngineGrants;
import org.opensupervision.access.StaffGroups;
import org.opensupervision.workflow.ComplaintProcess;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.springframework.stereotype.Component;

/**
 * The discipline inspectors and their head work {@code disciplinary-escalation} (its instances, history and tasks) and
 * read the diagram of {@code complaint-handling}, where the cases they receive come from.
 */
@Component
class DisciplineEngineGrants implements EngineGrantContribution {

    @Override
    public void contribute(EngineGrants grants) {
        for (String group : List.of(StaffGroups.DISCIPLINE_INSPECTION, StaffGroups.DISCIPLINE_HEAD)) {
            grants.grant(group, Resources.PROCESS_DEFINITION, Discipline.KEY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
                    ProcessDefinitionPermissions.TASK_WORK);
            grants.grant(group, Resources.PROCESS_DEFINITION, ComplaintProcess.KEY, ProcessDefinitionPermissions.READ);
        }
    }
}
