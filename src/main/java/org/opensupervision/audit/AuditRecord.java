package org.opensupervision.audit;

import java.util.Map;

/**
 * What to append to a case's audit trail. {@code detail} holds the values before and after and any other facts; it
 * must never hold the complainant's contact data (record that a contact field changed, not its value).
 *
 * @param caseKey the tracking number
 * @param kind what happened, e.g. {@code TASK_COMPLETED}, {@code APPEAL_DECIDED}
 * @param source who caused it
 * @param actor the staff user id, or null
 * @param processInstanceId the process instance, or null
 * @param element the model element, task or variable it is about, or null
 * @param detail facts of the entry (before, after, names), never contact data
 * @param reason the reason a person gave, or null
 */
public record AuditRecord(String caseKey, String kind, AuditSource source, String actor, String processInstanceId,
                          String element, Map<String, ?> detail, String reason) {

    /** A staff action: who did what, the values before and after, and why. */
    public static AuditRecord staffAction(String caseKey, String kind, String actor, Object before, Object after,
                                          String reason) {
        java.util.LinkedHashMap<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("before", before);
        detail.put("after", after);
        return new AuditRecord(caseKey, kind, actor == null ? AuditSource.ENGINE : AuditSource.STAFF, actor, null,
                null, detail, reason);
    }
}
