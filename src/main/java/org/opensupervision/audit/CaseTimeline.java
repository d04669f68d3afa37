package org.opensupervision.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.opensupervision.complaint.Complaint;
import org.opensupervision.complaint.ComplaintRecords;
import org.springframework.stereotype.Service;

/**
 * A case's staff timeline and dossier: Camunda's history (every activity of every process instance of the case, with
 * names and assignees) merged with the audit trail (staff operations, citizen actions, timers, messages, incidents,
 * task changes). Variable changes and raw activity entries stay in the dossier's full audit trail.
 */
@Service
public class CaseTimeline {

    private static final Set<String> COVERED_BY_HISTORY = Set.of("ACTIVITY_STARTED", "ACTIVITY_ENDED",
            "VARIABLE_CREATED", "VARIABLE_UPDATED", "VARIABLE_DELETED", "PROCESS_UPDATED", "TASK_CREATED",
            "TASK_COMPLETED", "DECISION_EVALUATED");

    private final AuditTrail trail;
    private final HistoryService history;
    private final ComplaintRecords records;
    private final List<DossierSection> sections;

    CaseTimeline(AuditTrail trail, HistoryService history, ComplaintRecords records, List<DossierSection> sections) {
        this.trail = trail;
        this.history = history;
        this.records = records;
        this.sections = sections;
    }

    /** Whether the case exists. */
    public boolean exists(String trackingNumber) {
        return records.find(trackingNumber).isPresent();
    }

    /** The merged timeline, oldest first. */
    public List<TimelineItem> of(String trackingNumber) {
        List<TimelineItem> items = new ArrayList<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(trackingNumber).list()) {
            for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId()).list()) {
                if (a.getActivityName() == null) {
                    continue;
                }
                String detail = "{\"process\":\"" + instance.getProcessDefinitionKey() + "\",\"type\":\""
                        + a.getActivityType() + "\"}";
                items.add(new TimelineItem(a.getStartTime().toInstant(), "HISTORY", "STARTED", a.getActivityName(),
                        a.getAssignee(), detail, null));
                if (a.getEndTime() != null) {
                    items.add(new TimelineItem(a.getEndTime().toInstant(), "HISTORY",
                            a.isCanceled() ? "CANCELED" : "ENDED", a.getActivityName(), a.getAssignee(), detail, null));
                }
            }
        }
        for (AuditEntry e : trail.entriesOf(trackingNumber)) {
            if (!COVERED_BY_HISTORY.contains(e.kind())) {
                items.add(new TimelineItem(e.occurredAt(), "AUDIT", e.kind(), e.element(), e.actor(), e.detail(),
                        e.reason()));
            }
        }
        items.sort(Comparator.comparing(TimelineItem::at));
        return items;
    }

    /** The complete dossier of a case: facts (without contact data), timeline, full audit trail, its check. */
    public Map<String, Object> dossier(String trackingNumber) {
        Complaint c = records.find(trackingNumber).orElseThrow();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("trackingNumber", c.getTrackingNumber());
        facts.put("status", c.getStatus());
        facts.put("departmentCode", c.getDepartmentCode());
        facts.put("handlingDepartmentCode", c.getHandlingDepartmentCode());
        facts.put("category", c.getCategory());
        facts.put("title", c.getTitle());
        facts.put("description", c.getDescription());
        facts.put("approvalCaseNumber", c.getApprovalCaseNumber());
        facts.put("anonymous", c.isAnonymous());
        facts.put("submittedAt", c.getSubmittedAt());
        facts.put("firstFeedbackDueAt", c.getFirstFeedbackDueAt());
        facts.put("firstFeedbackAt", c.getFirstFeedbackAt());
        facts.put("firstFeedbackText", c.getFirstFeedbackText());
        facts.put("handlingDueAt", c.getHandlingDueAt());
        facts.put("repliedAt", c.getRepliedAt());
        facts.put("replyText", c.getReplyText());
        facts.put("reworkCount", c.getReworkCount());
        facts.put("closedAt", c.getClosedAt());
        facts.put("rejectedAt", c.getRejectedAt());
        facts.put("rejectionReason", c.getRejectionReason());
        facts.put("breaches", records.breachesOf(c).stream().map(b -> Map.of("kind", b.getKind(),
                "departmentCode", b.getDepartmentCode(), "dueAt", b.getDueAt(), "recordedAt", b.getRecordedAt()))
                .toList());
        Map<String, Object> dossier = new LinkedHashMap<>();
        dossier.put("complaint", facts);
        for (DossierSection section : sections) {
            dossier.put(section.name(), section.contentFor(trackingNumber));
        }
        dossier.put("timeline", of(trackingNumber));
        dossier.put("auditTrail", trail.entriesOf(trackingNumber));
        dossier.put("verification", trail.verify(trackingNumber));
        return dossier;
    }
}
