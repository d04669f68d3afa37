package org.opensupervision.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Turns the engine's history event stream into audit entries. Registered next to Camunda's own database handler, so
 * every event the engine writes to its history is also appended to the case's chain, in the same transaction.
 * Events that belong to no process instance with a business key (deployments, stand-alone decisions) are not about a
 * case and are left to Camunda's history.
 */
class EngineAuditHandler implements HistoryEventHandler {

    private static final int MAX_TEXT = 1000;
    private static final Set<String> MESSAGE_EVENTS = Set.of("messageStartEvent", "intermediateMessageCatch",
            "boundaryMessage", "receiveTask");

    private final AuditTrail trail;
    private final Set<String> redactedVariables;

    EngineAuditHandler(AuditTrail trail, Set<String> redactedVariables) {
        this.trail = trail;
        this.redactedVariables = redactedVariables;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        String processInstanceId = processInstanceIdOf(event);
        if (processInstanceId == null) {
            return;
        }
        String caseKey = caseKeyOf(event, processInstanceId);
        if (caseKey == null) {
            return;
        }
        Described described = describe(event);
        if (described == null) {
            return;
        }
        String actor = actor(event);
        trail.append(new AuditRecord(caseKey, described.kind(), actor == null ? AuditSource.ENGINE : AuditSource.STAFF,
                actor, processInstanceId, described.element(), described.detail(), null));
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private static String actor(HistoryEvent event) {
        if (event instanceof UserOperationLogEntryEventEntity op && op.getUserId() != null) {
            return op.getUserId();
        }
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
        if (event instanceof HistoricProcessInstanceEventEntity p) {
            detail.put("definition", p.getProcessDefinitionKey());
            detail.put("state", p.getState());
            return new Described("PROCESS_" + past(type), p.getProcessDefinitionKey(), detail);
        }
        if (event instanceof HistoricTaskInstanceEventEntity t) {
            detail.put("name", t.getName());
            detail.put("assignee", t.getAssignee());
            detail.put("owner", t.getOwner());
            detail.put("due", t.getDueDate() == null ? null : t.getDueDate().toInstant());
            detail.put("deleteReason", t.getDeleteReason());
            return new Described("TASK_" + past(type), t.getTaskDefinitionKey(), detail);
        }
        if (event instanceof HistoricActivityInstanceEventEntity a) {
            detail.put("name", a.getActivityName());
            detail.put("type", a.getActivityType());
            String kind = "end".equals(type) && MESSAGE_EVENTS.contains(a.getActivityType()) ? "MESSAGE_RECEIVED"
                    : "ACTIVITY_" + past(type);
            return new Described(kind, a.getActivityId(), detail);
        }
        if (event instanceof HistoricVariableUpdateEventEntity v) {
            detail.put("type", v.getSerializerName());
            detail.put("value", redactedVariables.contains(v.getVariableName()) ? "[redacted]" : value(v));
            return new Described("VARIABLE_" + past(type), v.getVariableName(), detail);
        }
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
        if (event instanceof HistoricIdentityLinkLogEventEntity l) {
            detail.put("type", l.getType());
            detail.put("group", l.getGroupId());
            detail.put("user", l.getUserId());
            detail.put("task", l.getTaskId());
            return new Described("TASK_CANDIDATE_" + past(l.getOperationType()), l.getTaskId(), detail);
        }
        if (event instanceof UserOperationLogEntryEventEntity op) {
            detail.put("entity", op.getEntityType());
            detail.put("property", op.getProperty());
            detail.put("before", truncate(op.getOrgValue()));
            detail.put("after", truncate(op.getNewValue()));
            return new Described("STAFF_OPERATION", op.getOperationType(), detail);
        }
        if (event instanceof HistoricDecisionEvaluationEvent d) {
            detail.put("decision", d.getRootHistoricDecisionInstance().getDecisionDefinitionKey());
            return new Described("DECISION_EVALUATED", d.getRootHistoricDecisionInstance().getActivityId(), detail);
        }
        detail.put("event", type);
        return new Described(event.getClass().getSimpleName().replace("EventEntity", "").replace("Entity", ""),
                null, detail);
    }

    private static Described job(HistoricJobLogEvent j, Map<String, Object> detail) {
        boolean timer = j.getJobDefinitionType() != null && j.getJobDefinitionType().startsWith("timer");
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

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    private record Described(String kind, String element, Map<String, Object> detail) {
    }
}
