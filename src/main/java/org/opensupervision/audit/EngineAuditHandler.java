package org.opensupervision.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Turns the engine's history event stream into audit entries. Registered before Camunda's own database handler, so
 * every event the engine produces is seen here first, in the same transaction. The facts of one engine step are
 * folded into few entries: the variables written in a step become one entry (name to value; a value written again
 * unchanged is not a fact), a task's creation carries its candidates and due date, its completion names who completed
 * it (the claim on completion that sets the assignee in the same step is no entry of its own), the display copies of
 * the complaint's own columns that the task forms show ({@code supervision.audit.display-only-variables}) are no
 * fact of the case's process and not recorded, an activity that starts
 * and ends in the same step is one entry, and the activity record of a user task, which its task entries already
 * tell, is not recorded. Gateways only route: the activities on either side tell the path, and neither the trail nor Camunda's
 * history ({@link CamundaHistoryWriter}) keeps them. The trail is the case's trace: Camunda's history keeps none of a
 * case's variables and activities. Events that belong to no process instance with a business key (deployments,
 * stand-alone decisions) are not about a case and are left to Camunda's history.
 */
class EngineAuditHandler implements HistoryEventHandler {

    static final String REDACTED = "[redacted]";
    private static final int MAX_TEXT = 1000;
    private static final Set<String> MESSAGE_EVENTS = Set.of("messageStartEvent", "intermediateMessageCatch",
            "boundaryMessage", "receiveTask");

    private final AuditTrail trail;
    private final Set<String> redactedVariables;
    private final Set<String> displayOnlyVariables;

    EngineAuditHandler(AuditTrail trail, Set<String> redactedVariables, Set<String> displayOnlyVariables) {
        this.trail = trail;
        this.redactedVariables = redactedVariables;
        this.displayOnlyVariables = displayOnlyVariables;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (leftToCamundasHistory(event)) {
            return;
        }
        String processInstanceId = processInstanceIdOf(event);
        if (processInstanceId == null) {
            return;
        }
        String caseKey = caseKeyOf(event, processInstanceId);
        if (caseKey == null) {
            return;
        }
        String actor = actor(event);
        Step step = new Step(caseKey, processInstanceId, actor);
        if (event instanceof HistoricProcessInstanceEventEntity p) {
            process(step, p);
        } else if (event instanceof HistoricActivityInstanceEventEntity a) {
            activity(step, a);
        } else if (event instanceof HistoricTaskInstanceEventEntity t) {
            task(step, t);
        } else if (event instanceof HistoricIdentityLinkLogEventEntity l) {
            candidates(step, l);
        } else if (event instanceof HistoricVariableUpdateEventEntity v) {
            variable(step, v);
        } else if (event instanceof UserOperationLogEntryEventEntity op) {
            operation(step, op);
        } else if (event instanceof HistoricJobLogEvent j && firedTimerFolded(step, j)) {
            return;
        } else {
            Described described = describe(event);
            if (described != null) {
                trail.append(step.record(described.kind(), described.element(), described.detail()));
            }
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    /** Who and what a history event is about; the source follows from the actor. */
    private record Step(String caseKey, String processInstanceId, String actor) {

        AuditRecord record(String kind, String element, Map<String, Object> detail) {
            return new AuditRecord(caseKey, kind, actor == null ? AuditSource.ENGINE : AuditSource.STAFF, actor, null,
                    element, detail, null);
        }
    }

    private void process(Step step, HistoricProcessInstanceEventEntity p) {
        Map<String, Object> detail = new LinkedHashMap<>();
        if (!"start".equals(p.getEventType())) {
            detail.put("state", p.getState());
        }
        // The process instance id is kept on its start and end only: the entries in between are of that instance.
        trail.append(new AuditRecord(step.caseKey(), "PROCESS_" + past(p.getEventType()),
                step.actor() == null ? AuditSource.ENGINE : AuditSource.STAFF, step.actor(),
                step.processInstanceId(), p.getProcessDefinitionKey(), detail, null));
    }

    /**
     * Events that never become an entry, told apart before the case is looked up: gateways, the activity record of a
     * user task (its task entries tell it), activity updates, and the creation and deletion of jobs (engine
     * housekeeping; a timer that fires and a job that fails are recorded).
     */
    private static boolean leftToCamundasHistory(HistoryEvent event) {
        if (event instanceof HistoricActivityInstanceEventEntity a) {
            String type = a.getActivityType();
            return type == null || type.endsWith("Gateway") || "userTask".equals(type)
                    || "update".equals(a.getEventType());
        }
        if (event instanceof HistoricJobLogEvent j) {
            return !j.isFailureLog() && !(j.isSuccessLog() && isTimer(j));
        }
        return false;
    }

    private static boolean isTimer(HistoricJobLogEvent j) {
        return j.getJobDefinitionType() != null && j.getJobDefinitionType().startsWith("timer");
    }

    private void activity(Step step, HistoricActivityInstanceEventEntity a) {
        String type = a.getActivityType();
        String key = "activity:" + a.getActivityInstanceId();
        if ("start".equals(a.getEventType())) {
            AuditTrail.Draft started = trail.draft(key, () -> step.record("ACTIVITY_STARTED", a.getActivityId(),
                    nameOf(a)));
            if (type.endsWith("Timer")) {
                trail.alsoFile(timerKey(step.processInstanceId(), a.getActivityId()), started);
            }
            return;
        }
        if (!"end".equals(a.getEventType())) {
            trail.append(step.record("ACTIVITY_" + past(a.getEventType()), a.getActivityId(), nameOf(a)));
            return;
        }
        String kind = a.isCanceled() ? "ACTIVITY_CANCELED"
                : MESSAGE_EVENTS.contains(type) ? "MESSAGE_RECEIVED" : null;
        Optional<AuditTrail.Draft> started = trail.draft(key);
        if (started.isPresent() && "ACTIVITY_STARTED".equals(started.get().kind)) {
            // Started and ended in one step: one entry says both.
            started.get().kind = kind == null ? "ACTIVITY_EXECUTED" : kind;
        } else {
            trail.append(step.record(kind == null ? "ACTIVITY_ENDED" : kind, a.getActivityId(), nameOf(a)));
        }
    }

    /**
     * The activity's name as the model gave it. Its type is the model's too, and was ~20 bytes in each of ~20 entries a
     * case (issue 17): the element id names the element in the deployed model, which is kept.
     */
    private static Map<String, Object> nameOf(HistoricActivityInstanceEventEntity a) {
        Map<String, Object> detail = new LinkedHashMap<>();
        putIfPresent(detail, "name", a.getActivityName());
        return detail;
    }

    private void task(Step step, HistoricTaskInstanceEventEntity t) {
        String type = t.getEventType();
        String key = "task:" + t.getTaskId();
        if ("create".equals(type)) {
            AuditTrail.Draft draft = trail.draft(key, () -> step.record("TASK_CREATED", t.getTaskDefinitionKey(),
                    null));
            draft.kind = "TASK_CREATED";
            draft.element = t.getTaskDefinitionKey();
            Object candidates = draft.detail.remove("added");
            draft.detail.remove("removed");
            draft.detail.put("name", t.getName());
            taskFacts(draft.detail, t);
            if (candidates != null) {
                draft.detail.put("candidates", candidates);
            }
            return;
        }
        if ("update".equals(type)) {
            if (trail.draft("task-completed:" + t.getTaskId()).isPresent()
                    && Objects.equals(t.getAssignee(), step.actor())) {
                // The claim on completion (workflow.ClaimOnCompletion): the completion's actor already says who.
                return;
            }
            Optional<AuditTrail.Draft> draft = trail.draft(key);
            if (draft.isPresent() && draft.get().kind.startsWith("TASK_")) {
                // Camunda updates a task right after creating it (due date, follow-up): part of the same fact.
                taskFacts(draft.get().detail, t);
                return;
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            taskFacts(detail, t);
            trail.draft(key, () -> step.record("TASK_UPDATED", t.getTaskDefinitionKey(), detail));
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        putIfPresent(detail, "name", t.getName());
        if (t.getDeleteReason() != null && !"completed".equals(t.getDeleteReason())) {
            detail.put("reason", truncate(t.getDeleteReason()));
        }
        AuditRecord ended = step.record("TASK_" + past(type), t.getTaskDefinitionKey(), detail);
        if ("complete".equals(type)) {
            trail.draft("task-completed:" + t.getTaskId(), () -> ended);
        } else {
            trail.append(ended);
        }
    }

    private static void taskFacts(Map<String, Object> detail, HistoricTaskInstanceEventEntity t) {
        putOrRemove(detail, "assignee", t.getAssignee());
        putOrRemove(detail, "owner", t.getOwner());
        putOrRemove(detail, "due", t.getDueDate() == null ? null : t.getDueDate().toInstant());
        putOrRemove(detail, "followUp", t.getFollowUpDate() == null ? null : t.getFollowUpDate().toInstant());
    }

    /** Candidate groups and users of a task; the assignee and owner are facts of the task entries themselves. */
    @SuppressWarnings("unchecked")
    private void candidates(Step step, HistoricIdentityLinkLogEventEntity l) {
        if (l.getTaskId() == null || !"candidate".equals(l.getType())) {
            return;
        }
        String who = l.getGroupId() != null ? l.getGroupId() : "user:" + l.getUserId();
        boolean added = "add".equals(l.getOperationType());
        AuditTrail.Draft draft = trail.draft("task:" + l.getTaskId(), () -> step.record("TASK_CANDIDATES_CHANGED",
                taskDefinitionKeyOf(l.getTaskId()), null));
        String list = "TASK_CREATED".equals(draft.kind) ? "candidates" : added ? "added" : "removed";
        if (!added && "TASK_CREATED".equals(draft.kind)) {
            ((List<String>) draft.detail.computeIfAbsent("candidates", k -> new ArrayList<String>())).remove(who);
            return;
        }
        ((List<String>) draft.detail.computeIfAbsent(list, k -> new ArrayList<String>())).add(who);
    }

    private static String taskDefinitionKeyOf(String taskId) {
        CommandContext context = Context.getCommandContext();
        TaskEntity task = context == null ? null : context.getTaskManager().findTaskById(taskId);
        return task == null ? null : task.getTaskDefinitionKey();
    }

    private void variable(Step step, HistoricVariableUpdateEventEntity v) {
        String type = v.getEventType();
        if ("migrate".equals(type) || displayOnlyVariables.contains(v.getVariableName())) {
            // A display copy repeats a column of the complaint (title, summary, names, display dates), which the
            // complaint keeps: the trail would hold the summary once per process that shows it, ten years long.
            return;
        }
        if ("delete".equals(type)) {
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) trail.draft("variables-deleted:" + step.processInstanceId(),
                    () -> step.record("VARIABLES_DELETED", null, null)).detail
                    .computeIfAbsent("names", k -> new ArrayList<String>());
            names.add(v.getVariableName());
            return;
        }
        String key = "variables:" + step.processInstanceId();
        if ("update".equals(type) && !writtenInThisStep(key, v) && unchanged(v)) {
            return;
        }
        trail.draft(key, () -> step.record("VARIABLES_SET", null, null)).detail
                .put(v.getVariableName(), redactedVariables.contains(v.getVariableName()) ? REDACTED : value(v));
    }

    /** A variable already written in this step: a later write in the same step is recorded whatever it compares to. */
    private boolean writtenInThisStep(String key, HistoricVariableUpdateEventEntity v) {
        return trail.draft(key).map(d -> d.detail.containsKey(v.getVariableName())).orElse(false);
    }

    private static boolean unchanged(HistoricVariableUpdateEventEntity v) {
        if (v.getByteValue() != null || v.getByteArrayId() != null) {
            return false;
        }
        return unchangedInRuntimeRow(v);
    }

    /**
     * Whether an update writes the value the variable's runtime row holds (Camunda's history keeps no variables:
     * {@link CamundaHistoryWriter}). The engine writes its changes to the database when the command ends, after this
     * handler ran, so the row still holds the value from before this step (a variable created in this step has no row
     * yet: changed). One query by primary key, on the engine's own connection, per rewrite of an existing variable;
     * the historic variable instance it replaces cost a read and an update for the same event. Values kept as byte
     * arrays are not compared: they count as changed.
     */
    private static boolean unchangedInRuntimeRow(HistoricVariableUpdateEventEntity v) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return false;
        }
        try (PreparedStatement query = context.getDbSqlSession().getSqlSession().getConnection().prepareStatement(
                "select TYPE_, TEXT_, TEXT2_, LONG_, DOUBLE_, BYTEARRAY_ID_ from ACT_RU_VARIABLE where ID_ = ?")) {
            query.setString(1, v.getVariableInstanceId());
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getString(6) == null
                        && Objects.equals(row.getString(1), v.getSerializerName())
                        && Objects.equals(row.getString(2), v.getTextValue())
                        && Objects.equals(row.getString(3), v.getTextValue2())
                        && Objects.equals(row.getObject(4) == null ? null : row.getLong(4), v.getLongValue())
                        && Objects.equals(row.getObject(5) == null ? null : row.getDouble(5), v.getDoubleValue());
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("Could not read variable " + v.getVariableName() + " as stored", ex);
        }
    }

    /** A staff operation through the engine's API, one entry per operation with every property it changed. */
    @SuppressWarnings("unchecked")
    private void operation(Step step, UserOperationLogEntryEventEntity op) {
        if ("Task".equals(op.getEntityType()) && "Complete".equals(op.getOperationType())) {
            // The task's completion entry follows in the same step, with the same actor.
            return;
        }
        String actor = op.getUserId() != null ? op.getUserId() : step.actor();
        Step byOperator = new Step(step.caseKey(), step.processInstanceId(), actor);
        AuditTrail.Draft draft = trail.draft("operation:" + op.getOperationId(), () -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("entity", op.getEntityType());
            return byOperator.record("STAFF_OPERATION", op.getOperationType(), detail);
        });
        if (op.getProperty() != null) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("before", truncate(op.getOrgValue()));
            change.put("after", truncate(op.getNewValue()));
            ((Map<String, Object>) draft.detail.computeIfAbsent("changes", k -> new LinkedHashMap<String, Object>()))
                    .put(op.getProperty(), change);
        }
    }

    private static String actor(HistoryEvent event) {
        CommandContext context = Context.getCommandContext();
        return context == null ? null : context.getAuthenticatedUserId();
    }

    private static String processInstanceIdOf(HistoryEvent event) {
        if (event.getProcessInstanceId() != null) {
            return event.getProcessInstanceId();
        }
        if (event instanceof HistoricDecisionEvaluationEvent d) {
            return d.getRootHistoricDecisionInstance().getProcessInstanceId();
        }
        CommandContext context = Context.getCommandContext();
        if (event instanceof HistoricIdentityLinkLogEventEntity l && l.getTaskId() != null && context != null) {
            var task = context.getTaskManager().findTaskById(l.getTaskId());
            return task == null ? null : task.getProcessInstanceId();
        }
        return null;
    }

    private static String caseKeyOf(HistoryEvent event, String processInstanceId) {
        if (event instanceof HistoricProcessInstanceEventEntity process && process.getBusinessKey() != null) {
            return process.getBusinessKey();
        }
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return null;
        }
        ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
        if (instance != null) {
            return instance.getBusinessKey();
        }
        HistoricProcessInstanceEntity historic =
                context.getHistoricProcessInstanceManager().findHistoricProcessInstance(processInstanceId);
        return historic == null ? null : historic.getBusinessKey();
    }

    private Described describe(HistoryEvent event) {
        String type = event.getEventType();
        Map<String, Object> detail = new LinkedHashMap<>();
        if (event instanceof HistoricIncidentEventEntity i) {
            detail.put("type", i.getIncidentType());
            detail.put("message", truncate(i.getIncidentMessage()));
            String kind = switch (type) {
                case "create" -> "INCIDENT_RAISED";
                case "resolve" -> "INCIDENT_RESOLVED";
                default -> "INCIDENT_" + past(type);
            };
            return new Described(kind, i.getActivityId(), detail);
        }
        if (event instanceof HistoricJobLogEvent j) {
            return job(j, detail);
        }
        if (event instanceof HistoricDecisionEvaluationEvent d) {
            detail.put("decision", d.getRootHistoricDecisionInstance().getDecisionDefinitionKey());
            return new Described("DECISION_EVALUATED", d.getRootHistoricDecisionInstance().getActivityId(), detail);
        }
        detail.put("event", type);
        return new Described(event.getClass().getSimpleName().replace("EventEntity", "").replace("Entity", ""),
                null, detail);
    }

    private static String timerKey(String processInstanceId, String activityId) {
        return "timer:" + processInstanceId + ":" + activityId;
    }

    /**
     * A timer that fired and whose event started and ended in the job's own step (a boundary timer) is one entry, the
     * {@code TIMER_FIRED} of its element, instead of that and an {@code ACTIVITY_EXECUTED} of the same element (issue
     * 17, figure 2: one entry fewer for every deadline timer). A timer whose event was entered in an earlier step (an
     * intermediate timer) keeps both its activity's and the timer's entry.
     */
    private boolean firedTimerFolded(Step step, HistoricJobLogEvent j) {
        if (!j.isSuccessLog() || !isTimer(j) || j.getActivityId() == null) {
            return false;
        }
        Optional<AuditTrail.Draft> executed = trail.draft(timerKey(step.processInstanceId(), j.getActivityId()));
        if (executed.isEmpty() || !"ACTIVITY_EXECUTED".equals(executed.get().kind)) {
            return false;
        }
        executed.get().kind = "TIMER_FIRED";
        executed.get().detail.put("jobType", j.getJobDefinitionType());
        return true;
    }

    private static Described job(HistoricJobLogEvent j, Map<String, Object> detail) {
        boolean timer = isTimer(j);
        detail.put("jobType", j.getJobDefinitionType());
        if (j.isFailureLog()) {
            detail.put("message", truncate(j.getJobExceptionMessage()));
            return new Described("JOB_FAILED", j.getActivityId(), detail);
        }
        if (j.isSuccessLog() && timer) {
            return new Described("TIMER_FIRED", j.getActivityId(), detail);
        }
        // Creation and deletion of jobs are engine housekeeping; the activities they run are recorded as such.
        return null;
    }

    private static Object value(HistoricVariableUpdateEventEntity v) {
        String serializer = v.getSerializerName();
        if (serializer == null) {
            return null;
        }
        return switch (serializer) {
            case "string" -> truncate(v.getTextValue());
            case "long", "integer", "short" -> v.getLongValue();
            case "boolean" -> v.getLongValue() == null ? null : v.getLongValue() != 0;
            case "double" -> v.getDoubleValue();
            case "date" -> v.getLongValue() == null ? null : java.time.Instant.ofEpochMilli(v.getLongValue());
            case "null" -> null;
            default -> "[" + serializer + "]";
        };
    }

    private static String past(String eventType) {
        if (eventType == null) {
            return "EVENT";
        }
        return switch (eventType) {
            case "start" -> "STARTED";
            case "end" -> "ENDED";
            case "create" -> "CREATED";
            case "update" -> "UPDATED";
            case "complete" -> "COMPLETED";
            case "delete" -> "DELETED";
            case "add" -> "ADDED";
            case "migrate" -> "MIGRATED";
            default -> eventType.toUpperCase();
        };
    }

    private static void putIfPresent(Map<String, Object> detail, String key, Object value) {
        if (value != null) {
            detail.put(key, value);
        }
    }

    private static void putOrRemove(Map<String, Object> detail, String key, Object value) {
        if (value == null) {
            detail.remove(key);
        } else {
            detail.put(key, value);
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    private record Described(String kind, String element, Map<String, Object> detail) {
    }
}
