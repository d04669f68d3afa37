package org.opensupervision.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintRecords;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A case's staff timeline and dossier, read from the audit trail alone: every activity, task, timer, message,
 * incident and staff, citizen and engine action of every process of the case, with names and actors. Camunda's own
 * history is not read, so it can be removed long before the audit trail (see {@link AuditEnginePlugin}). The values
 * the engine wrote (one entry per step) stay in the dossier's full audit trail.
 */
@Service
public class CaseTimeline {

    private static final Set<String> NOT_ON_THE_TIMELINE = Set.of("VARIABLES_SET", "VARIABLES_DELETED");

    private final AuditTrail trail;
    private final ComplaintRecords records;
    private final List<DossierSection> sections;
    private final ObjectMapper json = new ObjectMapper();

    CaseTimeline(AuditTrail trail, ComplaintRecords records, List<DossierSection> sections) {
        this.trail = trail;
        this.records = records;
        this.sections = sections;
    }

    /** Whether the case exists. */
    public boolean exists(String trackingNumber) {
        return records.find(trackingNumber).isPresent();
    }

    /** The timeline, oldest first. */
    public List<TimelineItem> of(String trackingNumber) {
        List<TimelineItem> items = new ArrayList<>();
        for (AuditEntry e : trail.entriesOf(trackingNumber)) {
            if (!NOT_ON_THE_TIMELINE.contains(e.kind())) {
                items.add(new TimelineItem(e.occurredAt(), e.source().name(), e.kind(), titleOf(e), e.element(),
                        e.actor(), e.detail(), e.reason()));
            }
        }
        items.sort(Comparator.comparing(TimelineItem::at));
        return items;
    }

    /** The name of the activity or task the entry is about, or else its element. */
    private String titleOf(AuditEntry e) {
        if (e.detail() != null && e.detail().contains("\"name\"")) {
            try {
                JsonNode name = json.readTree(e.detail()).get("name");
                if (name != null && name.isTextual()) {
                    return name.asText();
                }
            } catch (JsonProcessingException ex) {
                return e.element();
            }
        }
        return e.element();
    }

    /** The complete dossier of a case: facts (without contact data), timeline, full audit trail, its check. */
    public Map<String, Object> dossier(String trackingNumber) {
        ComplaintFacts c = records.find(trackingNumber).orElseThrow();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("trackingNumber", c.trackingNumber());
        facts.put("status", c.status());
        facts.put("departmentCode", c.departmentCode());
        facts.put("handlingDepartmentCode", c.handlingDepartmentCode());
        facts.put("category", c.category());
        facts.put("title", c.title());
        facts.put("description", c.description());
        facts.put("approvalCaseNumber", c.approvalCaseNumber());
        facts.put("anonymous", c.anonymous());
        facts.put("submittedAt", c.submittedAt());
        facts.put("firstFeedbackDueAt", c.firstFeedbackDueAt());
        facts.put("firstFeedbackAt", c.firstFeedbackAt());
        facts.put("firstFeedbackText", c.firstFeedbackText());
        facts.put("handlingDueAt", c.handlingDueAt());
        facts.put("repliedAt", c.repliedAt());
        facts.put("replyText", c.replyText());
        facts.put("reworkCount", c.reworkCount());
        facts.put("closedAt", c.closedAt());
        facts.put("rejectedAt", c.rejectedAt());
        facts.put("rejectionReason", c.rejectionReason());
        facts.put("breaches", records.breachesOf(trackingNumber).stream().map(b -> Map.of("kind", b.kind(),
                "departmentCode", b.departmentCode(), "dueAt", b.dueAt(), "recordedAt", b.recordedAt()))
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
