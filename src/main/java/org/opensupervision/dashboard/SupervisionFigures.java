package org.opensupervision.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The open cases past a deadline ({@code overdue}) or close to one ({@code near}: the first feedback due before
     * {@code feedbackSoon}, the reply before {@code handlingSoon}), and those with an open 督办 notice (sent, no reply
     * yet), in the departments given ({@code null}: every department); the earliest due first, at most
     * {@code limit} of each.
     */
    Map<String, List<ProvinceOverview.WatchedCase>> watchedCases(Set<String> departments, Instant now,
                                                                 Instant feedbackSoon, Instant handlingSoon,
                                                                 int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("open", OPEN).addValue("now", time(now))
                .addValue("feedbackSoon", time(feedbackSoon)).addValue("handlingSoon", time(handlingSoon))
                .addValue("departments", departments == null || departments.isEmpty() ? List.of("") : departments);
        String scope = departments == null ? "" : " and handling_department_code in (:departments)";
        String select = """
                select tracking_number, title, handling_department_code, status, process_instance_id,
                       first_feedback_at, first_feedback_due_at, handling_due_at, supervision_notice_due_at,
                       criticized_at, criticism_due_at
                from complaint where status in (:open) and handling_department_code is not null""" + scope;
        String overdue = """
                (first_feedback_breached_at is not null or handling_breached_at is not null
                 or (first_feedback_at is null and first_feedback_due_at < :now)
                 or (replied_at is null and handling_due_at is not null and handling_due_at < :now))""";
        String near = """
                ((first_feedback_at is null and first_feedback_due_at >= :now and first_feedback_due_at < :feedbackSoon)
                 or (replied_at is null and handling_due_at >= :now and handling_due_at < :handlingSoon))""";
        String notice = "(supervision_notice_at is not null and replied_at is null)";
        String first = " order by coalesce(case when first_feedback_at is null then first_feedback_due_at end, "
                + "handling_due_at, first_feedback_due_at), tracking_number fetch first " + limit + " rows only";
        Map<String, List<ProvinceOverview.WatchedCase>> lists = new HashMap<>();
        lists.put("overdue", jdbc.query(select + " and " + overdue + first, parameters, this::watched));
        lists.put("near", jdbc.query(select + " and " + near + " and not " + overdue + first, parameters,
                this::watched));
        lists.put("notices", jdbc.query(select + " and " + notice
                + " order by coalesce(criticism_due_at, supervision_notice_due_at), tracking_number fetch first "
                + limit + " rows only", parameters, this::watched));
        return lists;
    }

    /** Per department: open cases overdue, near a deadline (and not overdue), with an open 督办 notice. */
    Map<String, long[]> watchedCounts(Set<String> departments, Instant now, Instant feedbackSoon,
                                      Instant handlingSoon) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("open", OPEN).addValue("now", time(now))
                .addValue("feedbackSoon", time(feedbackSoon)).addValue("handlingSoon", time(handlingSoon))
                .addValue("departments", departments == null || departments.isEmpty() ? List.of("") : departments);
        String scope = departments == null ? "" : " and handling_department_code in (:departments)";
        return perDepartment("""
                select handling_department_code as d,
                       sum(case when overdue = 1 then 1 else 0 end) as overdue,
                       sum(case when overdue = 0 and near = 1 then 1 else 0 end) as near,
                       sum(case when supervision_notice_at is not null and replied_at is null then 1 else 0 end)
                           as notices
                from (select handling_department_code, supervision_notice_at, replied_at,
                        case when first_feedback_breached_at is not null or handling_breached_at is not null
                             or (first_feedback_at is null and first_feedback_due_at < :now)
                             or (replied_at is null and handling_due_at is not null and handling_due_at < :now)
                             then 1 else 0 end as overdue,
                        case when (first_feedback_at is null and first_feedback_due_at >= :now
                                   and first_feedback_due_at < :feedbackSoon)
                             or (replied_at is null and handling_due_at >= :now and handling_due_at < :handlingSoon)
                             then 1 else 0 end as near
                      from complaint where status in (:open) and handling_department_code is not null"""
                + scope + ") watched group by handling_department_code", parameters);
    }

    private ProvinceOverview.WatchedCase watched(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Instant firstFeedbackDue = instant(rs, "first_feedback_due_at");
        boolean awaitingFeedback = rs.getObject("first_feedback_at") == null;
        Instant criticismDue = instant(rs, "criticism_due_at");
        return new ProvinceOverview.WatchedCase(rs.getString("tracking_number"), rs.getString("title"),
                rs.getString("handling_department_code"), rs.getString("status"), rs.getString("process_instance_id"),
                awaitingFeedback ? "FIRST_FEEDBACK" : "HANDLING",
                awaitingFeedback ? firstFeedbackDue : instant(rs, "handling_due_at"),
                rs.getObject("criticized_at") != null ? criticismDue : instant(rs, "supervision_notice_due_at"),
                rs.getObject("criticized_at") != null);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
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
