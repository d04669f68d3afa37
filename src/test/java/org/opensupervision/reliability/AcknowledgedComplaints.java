package org.opensupervision.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database holds of the complaints a run of {@link Submissions} sent, compared with what the API
 * acknowledged: every 201 must be there exactly once, with its process instance and its audit entries, and routed.
 *
 * @param acknowledged   requests answered 201
 * @param found          of those, complaints stored under the acknowledged tracking number and key
 * @param duplicates     complaints stored more than once for one request (same key or same body)
 * @param lost           acknowledged but not stored
 * @param withoutProcess acknowledged complaints without a process instance in the engine's history
 * @param withoutAudit   acknowledged complaints without an audit entry
 * @param unrouted       stored complaints of the run that are not routed (a process never started by the
 *                       starter's sweep, or a routing job that never ran)
 */
record AcknowledgedComplaints(int acknowledged, int found, int duplicates, int lost, int withoutProcess,
                              int withoutAudit, int unrouted) {

    static AcknowledgedComplaints check(ReliabilityDatabase database, Submissions submissions) {
        String marker = "%" + submissions.runMarker() + "%";
        List<Map<String, Object>> stored = database.rows("""
                select c.tracking_number, c.idempotency_key, c.routed_at,
                       (select count(*) from act_hi_procinst p where p.id_ = c.process_instance_id) as processes,
                       (select count(*) from audit_entry a where a.case_key = c.tracking_number) as audit_entries
                from complaint c where c.description like ?""", marker);
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> row : stored) {
            byKey.put((String) row.get("idempotency_key"), row);
        }
        long perBody = database.count("""
                select coalesce(sum(n - 1), 0) from (select count(*) as n from complaint where description like ?
                group by description) d""", marker);
        Map<String, String> acknowledged = submissions.acknowledged();
        int found = 0;
        int withoutProcess = 0;
        int withoutAudit = 0;
        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
            Map<String, Object> row = byKey.get(ack.getKey());
            if (row == null || !ack.getValue().equals(row.get("tracking_number"))) {
                continue;
            }
            found++;
            if (((Number) row.get("processes")).longValue() != 1) {
                withoutProcess++;
            }
            if (((Number) row.get("audit_entries")).longValue() == 0) {
                withoutAudit++;
            }
        }
        int duplicates = (int) perBody + (stored.size() - byKey.size());
        int unrouted = (int) stored.stream().filter(row -> row.get("routed_at") == null).count();
        return new AcknowledgedComplaints(acknowledged.size(), found, duplicates, acknowledged.size() - found,
                withoutProcess, withoutAudit, unrouted);
    }

    /** Checks again until every stored complaint of the run is routed, or the time is up; returns the last check. */
    static AcknowledgedComplaints awaitRouted(ReliabilityDatabase database, Submissions submissions,
                                              Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        AcknowledgedComplaints check = check(database, submissions);
        while (check.unrouted() > 0 && Instant.now().isBefore(deadline)) {
            ApplicationProcess.pause(Duration.ofSeconds(1));
            check = check(database, submissions);
        }
        return check;
    }

    @Override
    public String toString() {
        return ("acknowledged %d / found %d / duplicates %d / lost %d "
                + "(without process %d, without audit %d, unrouted %d)")
                .formatted(acknowledged, found, duplicates, lost, withoutProcess, withoutAudit, unrouted);
    }
}
