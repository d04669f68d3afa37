package org.opensupervision.approval;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.opensupervision.evaluation.ApprovalFigures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval figures of the performance evaluation, counted here over the approval tables: the evaluation module
 * declares what it needs ({@link ApprovalFigures}) and never reads these tables itself.
 */
@Component
@Transactional(readOnly = true)
class ApprovalEvaluationFigures implements ApprovalFigures {

    private final JdbcTemplate jdbc;

    ApprovalEvaluationFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, ApprovalCounts> between(Instant from, Instant to) {
        Map<String, long[]> rows = new HashMap<>();
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        jdbc.query("select department_code, count(*) as n,"
                + " sum(case when submitted_channel = 'ONLINE' then 1 else 0 end) as online from approval_case"
                + " where submitted_at >= ? and submitted_at < ? group by department_code",
                rs -> {
                    long[] r = row(rows, rs.getString("department_code"));
                    r[0] = rs.getLong("n");
                    r[1] = rs.getLong("online");
                }, f, t);
        jdbc.query("select department_code, count(*) as n from approval_case where accepted_at >= ? and accepted_at < ?"
                + " group by department_code", rs -> {
                    row(rows, rs.getString("department_code"))[2] = rs.getLong("n");
                }, f, t);
        jdbc.query("select department_code, count(*) as n from approval_card where raised_at >= ? and raised_at < ?"
                + " and status <> '" + CardStatus.WITHDRAWN.name() + "' group by department_code", rs -> {
                    row(rows, rs.getString("department_code"))[3] = rs.getLong("n");
                }, f, t);
        jdbc.query("select department_code, count(*) as n, sum(case when promised_due_at is not null"
                + " and decided_at <= promised_due_at then 1 else 0 end) as on_time from approval_case"
                + " where decided_at >= ? and decided_at < ? group by department_code", rs -> {
                    long[] r = row(rows, rs.getString("department_code"));
                    r[4] = rs.getLong("n");
                    r[5] = rs.getLong("on_time");
                }, f, t);
        jdbc.query("select department_code, count(*) as n, sum(case when submitted_channel = 'ONLINE'"
                + " and completed_channel = 'ONLINE' then 1 else 0 end) as online from approval_case"
                + " where closed_at >= ? and closed_at < ? and status = '" + CaseStatus.COMPLETED.name() + "'"
                + " group by department_code", rs -> {
                    long[] r = row(rows, rs.getString("department_code"));
                    r[6] = rs.getLong("n");
                    r[7] = rs.getLong("online");
                }, f, t);
        Map<String, ApprovalCounts> result = new HashMap<>();
        rows.forEach((d, r) -> result.put(d, new ApprovalCounts(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7])));
        return result;
    }

    private static long[] row(Map<String, long[]> rows, String department) {
        return rows.computeIfAbsent(department, d -> new long[8]);
    }
}
