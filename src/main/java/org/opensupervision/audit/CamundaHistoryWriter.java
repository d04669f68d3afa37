package org.opensupervision.audit;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Camunda's own database history handler, less the rows that tell nothing the engine, Cockpit, Tasklist or the
 * history cleanup read and that the audit trail keeps anyway. It runs after {@link EngineAuditHandler}, which still
 * sees every event: what is left out here is left out of Camunda's tables only.
 * <ul>
 * <li>The display-only variables ({@code supervision.audit.display-only-variables}): copies of the complaint's own
 * columns that the task forms show. Every event of such a variable is left out (create, update, delete), so no
 * historic variable instance exists to be updated.</li>
 * <li>Gateways' activity instances: a gateway only routes; the path is told by the activities on either side.</li>
 * <li>User tasks' activity instances: the task's own history row ({@code ACT_HI_TASKINST}) tells the same start, end
 * and assignee, and is what Tasklist and the REST history read.</li>
 * <li>The identity link log (candidates and assignees over time): no Cockpit or Tasklist view reads it; the trail
 * records each task's candidates and assignee.</li>
 * <li>A job's creation row in the job log: the row of how the job ended (run, failed, deleted) names the same job,
 * type, activity and due date.</li>
 * </ul>
 */
class CamundaHistoryWriter implements HistoryEventHandler {

    private final HistoryEventHandler database;
    private final Set<String> displayOnlyVariables;

    CamundaHistoryWriter(Set<String> displayOnlyVariables) {
        this(new DbHistoryEventHandler(), displayOnlyVariables);
    }

    CamundaHistoryWriter(HistoryEventHandler database, Set<String> displayOnlyVariables) {
        this.database = database;
        this.displayOnlyVariables = Set.copyOf(displayOnlyVariables);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (kept(event)) {
            database.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    boolean kept(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity v) {
            return !displayOnlyVariables.contains(v.getVariableName());
        }
        if (event instanceof HistoricActivityInstanceEventEntity a) {
            String type = a.getActivityType();
            return type == null || !type.endsWith("Gateway") && !"userTask".equals(type);
        }
        if (event instanceof HistoricIdentityLinkLogEventEntity) {
            return false;
        }
        if (event instanceof HistoricJobLogEvent j) {
            return !j.isCreationLog();
        }
        return true;
    }
}
