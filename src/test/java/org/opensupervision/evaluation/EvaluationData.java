package org.opensupervision.evaluation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hand-made facts for the evaluation tests, written straight into the source tables (as the KPI test and the bench's
 * generator do) under one prefix, and removed again. Times are instants (UTC); the months are those of China Standard
 * Time (a March day at 02:00Z is 10:00 in Beijing).
 */
final class EvaluationData {

    static final String PREFIX = "TS2025EV-";
    private final JdbcTemplate jdbc;
    private long nextId = 910_000_000L;

    EvaluationData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A complaint handled by {@code department}; first feedback due 24 hours after submission. */
    void complaint(String name, String department, String status, String submitted, String firstFeedback,
                   String closed, String handlingBreached, int rework) {
        Instant at = Instant.parse(submitted);
        jdbc.update("insert into complaint (id, tracking_number, department_code, handling_department_code, category, "
                        + "title, description, anonymous, status, submitted_at, first_feedback_due_at, "
                        + "first_feedback_at, closed_at, handling_breached_at, rework_count, redirect_count, version) "
                        + "values (?, ?, ?, ?, 'OTHER', 'EV', 'EV', false, ?, ?, ?, ?, ?, ?, ?, 0, 0)",
                nextId++, PREFIX + name, department, department, status, time(submitted),
                time(at.plusSeconds(86_400).toString()), time(firstFeedback), time(closed), time(handlingBreached),
                rework);
    }

    void rating(String name, int round, String department, String status, int level, String rated) {
        rating(name, round, department, status, level, rated, null, null);
    }

    void rating(String name, int round, String department, String status, int level, String rated,
                String rectificationDue, String rectified) {
        jdbc.update("insert into citizen_rating (tracking_number, round, department_code, opened_at, due_at, status, "
                        + "level, rated_at, rectification_due_at, rectified_at, version) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", PREFIX + name, round, department, time(rated),
                time(rated), status, level, time(rated), time(rectificationDue), time(rectified));
    }

    /** Offline checks of one department recorded at {@code checked}: each result PASSED, DISCREPANCY or PENDING. */
    void spotChecks(String department, String checked, List<String> results) {
        Long round = jdbc.queryForObject("select max(id) from spot_check_round where seed = 20250301", Long.class);
        if (round == null) {
            jdbc.update("insert into spot_check_round (period_start, period_end, seed, candidate_count, sample_count, "
                    + "drawn_at) values (?, ?, 20250301, 0, 0, ?)", time(checked), time(checked), time(checked));
            round = jdbc.queryForObject("select max(id) from spot_check_round where seed = 20250301", Long.class);
        }
        int n = 0;
        for (String result : results) {
            jdbc.update("insert into spot_check_sample (round_id, tracking_number, department_code, category, breached, "
                            + "rated_badly, weight, result, checked_at) values (?, ?, ?, 'OTHER', false, false, 1, ?, ?)",
                    round, PREFIX + department + "-" + n++, department, result,
                    "PENDING".equals(result) ? null : time(checked));
        }
    }

    void disciplinaryOutcome(String name, String department, String outcome, String decided) {
        jdbc.update("insert into disciplinary_case (tracking_number, department_code, source, severity, opened_at, "
                        + "preliminary_review_due_at, outcome, decided_at, overdue_escalations) "
                        + "values (?, ?, 'TRIAGE', 3, ?, ?, ?, ?, 0)", PREFIX + name, department, time(decided),
                time(decided), outcome, time(decided));
    }

    /**
     * A closed approval case of {@code item}'s department. Times may be null.
     *
     * @return the case row's id, for its cards
     */
    long approvalCase(String caseId, String itemCode, String department, String status, String submitted,
                      String submittedChannel, String accepted, String decided, String promisedDue,
                      String closed, String completedChannel) {
        Long item = jdbc.queryForObject("select max(id) from approval_item where item_code = ?", Long.class, itemCode);
        jdbc.update("insert into approval_case (case_id, item_id, item_code, department_code, case_type, status, "
                        + "is_open, submitted_at, submitted_channel, accepted_at, decided_at, completed_at, "
                        + "completed_channel, closed_at, stopped_wd, promised_due_at, last_event_at, updated_at) "
                        + "values (?, ?, ?, ?, 'PROMISED', ?, false, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                PREFIX + caseId, item, itemCode, department, status, time(submitted), submittedChannel,
                time(accepted), time(decided), "COMPLETED".equals(status) ? time(closed) : null, completedChannel,
                time(closed), time(promisedDue), time(submitted), time(submitted));
        return jdbc.queryForObject("select id from approval_case where case_id = ?", Long.class, PREFIX + caseId);
    }

    void card(long caseRef, String caseId, String department, String colour, String status, String raised) {
        jdbc.update("insert into approval_card (case_ref, case_id, department_code, colour, cause, reason, raised_at, "
                + "status) values (?, ?, ?, ?, 'PROMISED_LIMIT_PASSED', 'test', ?, ?)", caseRef, PREFIX + caseId,
                department, colour, time(raised), status);
    }

    /** Removes every row written here and the evaluations of the given periods. */
    void removeAll(List<String> periods) {
        jdbc.update("delete from approval_card where case_id like ?", PREFIX + "%");
        jdbc.update("delete from approval_case where case_id like ?", PREFIX + "%");
        jdbc.update("delete from citizen_rating where tracking_number like ?", PREFIX + "%");
        jdbc.update("delete from spot_check_sample where tracking_number like ?", PREFIX + "%");
        jdbc.update("delete from spot_check_round where seed = 20250301 and not exists "
                + "(select 1 from spot_check_sample s where s.round_id = spot_check_round.id)");
        jdbc.update("delete from disciplinary_case where tracking_number like ?", PREFIX + "%");
        jdbc.update("delete from complaint where tracking_number like ?", PREFIX + "%");
        for (String period : periods) {
            jdbc.update("delete from evaluation_correction where period = ?", period);
            jdbc.update("delete from evaluation_run where period = ?", period);
        }
    }

    static OffsetDateTime time(String instant) {
        return instant == null ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }
}
