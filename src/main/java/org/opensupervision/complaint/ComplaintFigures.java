package org.opensupervision.complaint;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregate figures over the complaints and their deadline breaches, for the supervisors' read models (the department
 * dashboard, the KPI month): the SQL over {@code complaint} and {@code deadline_breach} stays in the module that owns
 * them. Each statement is shaped for an index of V5 that holds every column it reads, so PostgreSQL answers from the
 * index (index-only scan) instead of the wide complaint rows; plain SQL (H2 and PostgreSQL), {@code sum(case ...)}
 * rather than {@code filter}. Departments are the ones handling the cases.
 */
@Repository
@Transactional(readOnly = true)
public class ComplaintFigures {

    private static final List<String> OPEN = List.of("SUBMITTED", "AWAITING_FIRST_FEEDBACK", "IN_HANDLING",
            "UNDER_REVIEW");

    /** Open cases in one status, and how many of them missed the first-feedback or the handling deadline. */
    public record OpenCases(ComplaintStatus status, long cases, long firstFeedbackBreached, long handlingBreached) {
    }

    /** Breaches recorded against one department in a period, by kind. */
    public record BreachCounts(long firstFeedback, long handling) {

        public static final BreachCounts NONE = new BreachCounts(0, 0);
    }

    /**
     * The cases of one department received in a period.
     *
     * @param received            cases submitted in the period
     * @param firstFeedbackDue    of those, whose first feedback was given or fell due
     * @param firstFeedbackOnTime of those, whose first feedback came by its deadline
     */
    public record ReceivedCohort(long received, long firstFeedbackDue, long firstFeedbackOnTime) {

        public static final ReceivedCohort NONE = new ReceivedCohort(0, 0, 0);
    }

    /**
     * The cases of one department closed in a period.
     *
     * @param closed       cases closed in the period
     * @param closedOnTime of those, closed without a handling breach
     * @param reworked     of those, returned for rework at least once
     */
    public record ClosedCohort(long closed, long closedOnTime, long reworked) {

        public static final ClosedCohort NONE = new ClosedCohort(0, 0, 0);
    }

    /**
     * An open case a supervisor watches (the province overview, issue 16): past a deadline, close to one, or with an
     * open 督办 notice.
     *
     * @param deadline    {@code FIRST_FEEDBACK} or {@code HANDLING}: the deadline that runs now
     * @param dueAt       that deadline
     * @param noticeDueAt the reply date of the open 督办 notice, or of the 通报 when the department was criticised
     */
    public record WatchedCase(String trackingNumber, String title, String departmentCode, String status,
                              String processInstanceId, String deadline, Instant dueAt, Instant noticeDueAt,
                              boolean criticised) {
    }

    /** Per department: open cases overdue, near a deadline (and not overdue), with an open 督办 notice. */
    public record WatchedCounts(long overdue, long near, long notices) {

        public static final WatchedCounts NONE = new WatchedCounts(0, 0, 0);
    }

    /** The three lists of the province overview, the earliest due first. */
    public record WatchedLists(List<WatchedCase> overdue, List<WatchedCase> near, List<WatchedCase> notices) {
    }

    private static final String OVERDUE = """
            (first_feedback_breached_at is not null or handling_breached_at is not null
             or (first_feedback_at is null and first_feedback_due_at < :now)
             or (replied_at is null and handling_due_at is not null and handling_due_at < :now))""";

    private static final String NEAR = """
            ((first_feedback_at is null and first_feedback_due_at >= :now and first_feedback_due_at < :feedbackSoon)
             or (replied_at is null and handling_due_at >= :now and handling_due_at < :handlingSoon))""";

    private final NamedParameterJdbcTemplate jdbc;

    ComplaintFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The department's open cases by status. */
    public List<OpenCases> openByStatus(String department) {
        return jdbc.query("""
                select status, count(*) as cases,
                       sum(case when first_feedback_breached_at is not null then 1 else 0 end) as ff,
                       sum(case when handling_breached_at is not null then 1 else 0 end) as hd
                from complaint where handling_department_code = :department and status in (:open)
                group by status""", new MapSqlParameterSource("department", department).addValue("open", OPEN),
                (rs, i) -> new OpenCases(ComplaintStatus.valueOf(rs.getString("status")), rs.getLong("cases"),
                        rs.getLong("ff"), rs.getLong("hd")));
    }

    /** The department's open cases that are overdue at {@code now}: the rule of {@link ComplaintFacts#isOverdue}. */
    public long overdueOpen(String department, Instant now) {
        return count("""
                select count(*) from complaint where handling_department_code = :department and status in (:open)
                and (first_feedback_breached_at is not null or handling_breached_at is not null
                     or (first_feedback_at is null and first_feedback_due_at < :now)
                     or (replied_at is null and handling_due_at is not null and handling_due_at < :now))""",
                new MapSqlParameterSource("department", department).addValue("open", OPEN)
                        .addValue("now", time(now)));
    }

    /** Cases the department handles that were submitted in {@code [from, to)}. */
    public long receivedBy(String department, Instant from, Instant to) {
        return count("""
                select count(*) from complaint where handling_department_code = :department
                and submitted_at >= :from and submitted_at < :to""", period(from, to).addValue("department", department));
    }

    /** Cases the department handled that were closed in {@code [from, to)}. */
    public long closedBy(String department, Instant from, Instant to) {
        return count("""
                select count(*) from complaint where closed_at >= :from and closed_at < :to
                and handling_department_code = :department""", period(from, to).addValue("department", department));
    }

    /**
     * Breaches recorded in {@code [from, to)} by department (the one held to the deadline): department -> counts.
     *
     * @param department one department, or null for every one
     */
    public Map<String, BreachCounts> breaches(Instant from, Instant to, String department) {
        Map<String, long[]> byDepartment = new HashMap<>();
        jdbc.query("""
                select department_code, kind, count(*) as n from deadline_breach
                where recorded_at >= :from and recorded_at < :to
                and (cast(:department as varchar(32)) is null or department_code = :department)
                group by department_code, kind""", period(from, to).addValue("department", department), rs -> {
            long[] counts = byDepartment.computeIfAbsent(rs.getString("department_code"), d -> new long[2]);
            counts[BreachKind.valueOf(rs.getString("kind")) == BreachKind.FIRST_FEEDBACK ? 0 : 1] = rs.getLong("n");
        });
        Map<String, BreachCounts> result = new HashMap<>();
        byDepartment.forEach((d, n) -> result.put(d, new BreachCounts(n[0], n[1])));
        return result;
    }

    /** Per handling department: the cases received in {@code [from, to)} and their first feedback at {@code now}. */
    public Map<String, ReceivedCohort> receivedCohort(Instant from, Instant to, Instant now) {
        Map<String, ReceivedCohort> rows = new HashMap<>();
        jdbc.query("""
                select handling_department_code as d, count(*) as received,
                       sum(case when first_feedback_at is not null or first_feedback_due_at < :now then 1 else 0 end)
                           as due,
                       sum(case when first_feedback_at <= first_feedback_due_at then 1 else 0 end) as on_time
                from complaint where submitted_at >= :from and submitted_at < :to
                and handling_department_code is not null
                group by handling_department_code""", period(from, to).addValue("now", time(now)), rs -> {
            rows.put(rs.getString("d"), new ReceivedCohort(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        });
        return rows;
    }

    /** Per handling department: the cases closed in {@code [from, to)}, on time and reworked. */
    public Map<String, ClosedCohort> closedCohort(Instant from, Instant to) {
        Map<String, ClosedCohort> rows = new HashMap<>();
        jdbc.query("""
                select handling_department_code as d, count(*) as closed,
                       sum(case when handling_breached_at is null then 1 else 0 end) as on_time,
                       sum(case when rework_count > 0 then 1 else 0 end) as reworked
                from complaint where closed_at >= :from and closed_at < :to
                and handling_department_code is not null
                group by handling_department_code""", period(from, to), rs -> {
            rows.put(rs.getString("d"), new ClosedCohort(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        });
        return rows;
    }

    /**
     * The open cases past a deadline ({@code overdue}) or close to one ({@code near}: the first feedback due before
     * {@code feedbackSoon}, the reply before {@code handlingSoon}), and those with an open 督办 notice (sent, no reply
     * yet), in the departments given ({@code null}: every department); the earliest due first, at most
     * {@code limit} of each.
     */
    public WatchedLists watchedCases(Set<String> departments, Instant now, Instant feedbackSoon, Instant handlingSoon,
                                     int limit) {
        MapSqlParameterSource parameters = watchParameters(departments, now, feedbackSoon, handlingSoon);
        String select = """
                select tracking_number, title, handling_department_code, status, process_instance_id,
                       first_feedback_at, first_feedback_due_at, handling_due_at, supervision_notice_due_at,
                       criticized_at, criticism_due_at
                from complaint where status in (:open) and handling_department_code is not null"""
                + scope(departments);
        String first = " order by coalesce(case when first_feedback_at is null then first_feedback_due_at end, "
                + "handling_due_at, first_feedback_due_at), tracking_number fetch first " + limit + " rows only";
        return new WatchedLists(
                jdbc.query(select + " and " + OVERDUE + first, parameters, this::watched),
                jdbc.query(select + " and " + NEAR + " and not " + OVERDUE + first, parameters, this::watched),
                jdbc.query(select + " and (supervision_notice_at is not null and replied_at is null)"
                        + " order by coalesce(criticism_due_at, supervision_notice_due_at), tracking_number fetch first "
                        + limit + " rows only", parameters, this::watched));
    }

    /** Per department: open cases overdue, near a deadline (and not overdue), with an open 督办 notice. */
    public Map<String, WatchedCounts> watchedCounts(Set<String> departments, Instant now, Instant feedbackSoon,
                                                    Instant handlingSoon) {
        Map<String, WatchedCounts> rows = new HashMap<>();
        jdbc.query("""
                select handling_department_code as d,
                       sum(case when overdue = 1 then 1 else 0 end) as overdue,
                       sum(case when overdue = 0 and near = 1 then 1 else 0 end) as near,
                       sum(case when supervision_notice_at is not null and replied_at is null then 1 else 0 end)
                           as notices
                from (select handling_department_code, supervision_notice_at, replied_at,
                        case when """ + OVERDUE + " then 1 else 0 end as overdue, case when " + NEAR
                + " then 1 else 0 end as near"
                + " from complaint where status in (:open) and handling_department_code is not null"
                + scope(departments) + ") watched group by handling_department_code",
                watchParameters(departments, now, feedbackSoon, handlingSoon), rs -> {
                    rows.put(rs.getString("d"), new WatchedCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        return rows;
    }

    private static MapSqlParameterSource watchParameters(Set<String> departments, Instant now, Instant feedbackSoon,
                                                         Instant handlingSoon) {
        return new MapSqlParameterSource("open", OPEN).addValue("now", time(now))
                .addValue("feedbackSoon", time(feedbackSoon)).addValue("handlingSoon", time(handlingSoon))
                .addValue("departments", departments == null || departments.isEmpty() ? List.of("") : departments);
    }

    private static String scope(Set<String> departments) {
        return departments == null ? "" : " and handling_department_code in (:departments)";
    }

    private WatchedCase watched(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Instant firstFeedbackDue = instant(rs, "first_feedback_due_at");
        boolean awaitingFeedback = rs.getObject("first_feedback_at") == null;
        Instant criticismDue = instant(rs, "criticism_due_at");
        return new WatchedCase(rs.getString("tracking_number"), rs.getString("title"),
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
