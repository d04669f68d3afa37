package org.opensupervision.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opensupervision.dashboard.DepartmentDashboard.OpenCases;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The aggregate SQL of the dashboard and the KPI month. Each statement is shaped for an index of V5 that holds every
 * column it reads, so PostgreSQL answers from the index (index-only scan) instead of the wide complaint rows; plain
 * SQL (H2 and PostgreSQL), {@code sum(case ...)} rather than {@code filter}.
 */
@Repository
@Transactional(readOnly = true)
class SupervisionFigures {

    private static final List<String> OPEN = List.of("SUBMITTED", "AWAITING_FIRST_FEEDBACK", "IN_HANDLING",
            "UNDER_REVIEW");

    private final NamedParameterJdbcTemplate jdbc;

    SupervisionFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<OpenCases> openByStatus(String department) {
        return jdbc.query("""
                select status, count(*) as cases,
                       sum(case when first_feedback_breached_at is not null then 1 else 0 end) as ff,
                       sum(case when handling_breached_at is not null then 1 else 0 end) as hd
                from complaint where handling_department_code = :department and status in (:open)
                group by status""", new MapSqlParameterSource("department", department).addValue("open", OPEN),
                (rs, i) -> new OpenCases(rs.getString("status"), rs.getLong("cases"), rs.getLong("ff"),
                        rs.getLong("hd")));
    }

    /** The rule of {@code Complaint.isOverdue}, for the open cases of one department. */
    long overdueOpen(String department, Instant now) {
        return count("""
                select count(*) from complaint where handling_department_code = :department and status in (:open)
                and (first_feedback_breached_at is not null or handling_breached_at is not null
                     or (first_feedback_at is null and first_feedback_due_at < :now)
                     or (replied_at is null and handling_due_at is not null and handling_due_at < :now))""",
                new MapSqlParameterSource("department", department).addValue("open", OPEN)
                        .addValue("now", time(now)));
    }

    long receivedBy(String department, Instant from, Instant to) {
        return count("""
                select count(*) from complaint where handling_department_code = :department
                and submitted_at >= :from and submitted_at < :to""", period(from, to).addValue("department", department));
    }

    long closedBy(String department, Instant from, Instant to) {
        return count("""
                select count(*) from complaint where closed_at >= :from and closed_at < :to
                and handling_department_code = :department""", period(from, to).addValue("department", department));
    }

    /** Breaches recorded in the period by department and kind: department -> kind -> count. */
    Map<String, Map<String, Long>> breaches(Instant from, Instant to, String department) {
        Map<String, Map<String, Long>> byDepartment = new HashMap<>();
        jdbc.query("""
                select department_code, kind, count(*) as n from deadline_breach
                where recorded_at >= :from and recorded_at < :to
                and (cast(:department as varchar(32)) is null or department_code = :department)
                group by department_code, kind""", period(from, to).addValue("department", department), rs -> {
            byDepartment.computeIfAbsent(rs.getString("department_code"), d -> new HashMap<>())
                    .put(rs.getString("kind"), rs.getLong("n"));
        });
        return byDepartment;
    }

    /** Per handling department: received, first feedback due, first feedback on time. */
    Map<String, long[]> receivedCohort(Instant from, Instant to, Instant now) {
        return perDepartment("""
                select handling_department_code as d, count(*) as received,
                       sum(case when first_feedback_at is not null or first_feedback_due_at < :now then 1 else 0 end)
                           as due,
                       sum(case when first_feedback_at <= first_feedback_due_at then 1 else 0 end) as on_time
                from complaint where submitted_at >= :from and submitted_at < :to
                and handling_department_code is not null
                group by handling_department_code""", period(from, to).addValue("now", time(now)));
    }

    /** Per handling department: closed, closed without a handling breach, reworked. */
    Map<String, long[]> closedCohort(Instant from, Instant to) {
        return perDepartment("""
                select handling_department_code as d, count(*) as closed,
                       sum(case when handling_breached_at is null then 1 else 0 end) as on_time,
                       sum(case when rework_count > 0 then 1 else 0 end) as reworked
                from complaint where closed_at >= :from and closed_at < :to
                and handling_department_code is not null
                group by handling_department_code""", period(from, to));
    }

    /** Per handling department: ratings given or defaulted in the period, satisfied (3 or more), bad (2 or less). */
    Map<String, long[]> ratings(Instant from, Instant to) {
        return perDepartment("""
                select department_code as d, count(*) as ratings,
                       sum(case when level >= 3 then 1 else 0 end) as satisfied,
                       sum(case when level <= 2 then 1 else 0 end) as bad
                from citizen_rating
                where rated_at >= :from and rated_at < :to and status in ('RATED', 'DEFAULTED')
                and department_code is not null
                group by department_code""", period(from, to));
    }

    /** Per department: bad-rating rectifications that passed their deadline in the period (a breach, issue 13). */
    Map<String, Long> rectificationBreaches(Instant from, Instant to) {
        Map<String, Long> rows = new HashMap<>();
        jdbc.query("""
                select department_code as d, count(*) as n from citizen_rating
                where rectification_overdue_at >= :from and rectification_overdue_at < :to
                and department_code is not null
                group by department_code""", period(from, to), rs -> {
            rows.put(rs.getString("d"), rs.getLong("n"));
        });
        return rows;
    }

    /** Runs a statement that selects a department {@code d} and three counts: department -> the counts. */
    private Map<String, long[]> perDepartment(String sql, MapSqlParameterSource parameters) {
        Map<String, long[]> rows = new HashMap<>();
        jdbc.query(sql, parameters, rs -> {
            rows.put(rs.getString("d"), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        });
        return rows;
    }

    private long count(String sql, MapSqlParameterSource parameters) {
        Long n = jdbc.queryForObject(sql, parameters, Long.class);
        return n == null ? 0 : n;
    }

    private static MapSqlParameterSource period(Instant from, Instant to) {
        return new MapSqlParameterSource("from", time(from)).addValue("to", time(to));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
