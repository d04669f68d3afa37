package org.opensupervision.audit;

import java.util.List;
import java.util.function.Predicate;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;

/**
 * Camunda's own database history handler, less every row that only repeats what the audit trail keeps and that
 * neither the engine, Cockpit and Tasklist (community editions), our code nor the history cleanup reads. It runs after
 * {@link EngineAuditHandler}, which still sees every event: what is left out here is left out of Camunda's tables only.
 * Issue 17, figure 5: a closed complaint left 38 variable, 20 activity and 13 job-log rows (54 of its 86 KB).
 * <ul>
 * <li><b>No historic variable instances</b> ({@code ACT_HI_VARINST}, and with them their byte arrays): the trail
 * records every value written, step by step (which {@code ACT_HI_VARINST}'s last value cannot tell); Tasklist and
 * Cockpit show a running instance's variables from the runtime rows; nothing of ours reads them. The trail tells an
 * unchanged rewrite from the variable's runtime row.</li>
 * <li><b>No activity instances of a case's processes</b> (a process instance with a business key, which the trail
 * records): each activity is an entry of the trail, with its element id and name; Cockpit's community edition draws a
 * running instance from the runtime tables. Processes that belong to no case (the timer-started monthly evaluation and
 * spot-check rounds) keep theirs: the trail does not record them. {@code supervision.audit.camunda-history
 * .activities-of-cases} keeps them for cases too (the test profile: the process tests assert the path taken with
 * camunda-bpm-assert, which reads them).</li>
 * <li>Gateways' activity instances, in every process: a gateway only routes; the activities on either side tell the
 * path.</li>
 * <li>User tasks' activity instances: the task's own history row ({@code ACT_HI_TASKINST}) tells the same start, end
 * and assignee, and is what the REST history and the demo data read.</li>
 * <li>The identity link log (candidates and assignees over time): no view reads it; the trail records each task's
 * candidates and assignee.</li>
 * <li><b>The job log, except failures</b>: a failure row keeps the exception and stack trace of an attempt (what an
 * operator reads after a retry succeeded); a job's creation, run and deletion tell nothing the trail (timers fired)
 * and the runtime tables (jobs due) do not. {@code supervision.audit.camunda-history.job-runs} keeps the rows of
 * jobs run and deleted (the two-node reliability test reads which node ran a job).</li>
 * <li><b>The operation log's task completions</b>: the trail's {@code TASK_COMPLETED} names who completed the task;
 * Tasklist's history tab shows the operations on a task still open. Every other operation stays.</li>
 * </ul>
 * Process instances (what the history cleanup's removal time and the REST history hang on), tasks, incidents,
 * decisions and the rest of the operation log stay.
 */
class CamundaHistoryWriter implements HistoryEventHandler {

    private final HistoryEventHandler database;
    private final AuditProperties.CamundaHistory keep;
    private final Predicate<String> ofACase;

    CamundaHistoryWriter(AuditProperties.CamundaHistory keep) {
        this(new DbHistoryEventHandler(), keep, CamundaHistoryWriter::hasBusinessKey);
    }

    /**
     * @param ofACase whether the process instance of that id belongs to a case (has a business key), which the audit
     *                trail records
     */
    CamundaHistoryWriter(HistoryEventHandler database, AuditProperties.CamundaHistory keep,
                         Predicate<String> ofACase) {
        this.database = database;
        this.keep = keep;
        this.ofACase = ofACase;
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
        if (event instanceof HistoricVariableUpdateEventEntity) {
            return false;
        }
        if (event instanceof HistoricActivityInstanceEventEntity a) {
            String type = a.getActivityType();
            if (type != null && (type.endsWith("Gateway") || "userTask".equals(type))) {
                return false;
            }
            return keep.activitiesOfCases() || a.getProcessInstanceId() == null
                    || !ofACase.test(a.getProcessInstanceId());
        }
        if (event instanceof HistoricIdentityLinkLogEventEntity) {
            return false;
        }
        if (event instanceof HistoricJobLogEvent j) {
            return j.isFailureLog() || keep.jobRuns() && !j.isCreationLog();
        }
        if (event instanceof UserOperationLogEntryEventEntity op) {
            return !(EntityTypes.TASK.equals(op.getEntityType())
                    && UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(op.getOperationType()));
        }
        return true;
    }

    /**
     * Whether the process instance has a business key. Its execution is in the command's cache (the activity is
     * running in it); an instance that has ended since is read from its history row.
     */
    private static boolean hasBusinessKey(String processInstanceId) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return false;
        }
        ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
        if (instance != null) {
            return instance.getBusinessKey() != null;
        }
        HistoricProcessInstanceEntity historic =
                context.getHistoricProcessInstanceManager().findHistoricProcessInstance(processInstanceId);
        return historic != null && historic.getBusinessKey() != null;
    }
}
