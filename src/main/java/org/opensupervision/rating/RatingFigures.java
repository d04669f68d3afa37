package org.opensupervision.rating;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rating figures of a period per department: for the performance evaluation, real ratings and defaulted ones
 * apart, and the rectifications after bad ratings that fell due; for the KPI month, the ratings given or defaulted and
 * the rectifications that passed their deadline. The SQL over {@code citizen_rating} stays in this module; the
 * evaluation and the dashboard read these records. The department is the one that handled the case.
 */
@Component
@Transactional(readOnly = true)
public class RatingFigures {

    /**
     * One department's ratings in a period.
     *
     * @param rated            rounds the complainant rated in the period (voided ones left out)
     * @param ratedSatisfied   of those, 基本满意 or better (level 3 or more)
     * @param defaulted        rounds that counted as 基本满意 by default in the period (no answer within the days)
     * @param rectificationsDue bad ratings whose rectification fell due in the period (voided by an appeal left out)
     * @param rectifiedOnTime  of those, rectified by the due date
     */
    public record DepartmentRatings(long rated, long ratedSatisfied, long defaulted, long rectificationsDue,
                                    long rectifiedOnTime) {
    }

    /**
     * One department's ratings in a period as the KPI month counts them: given or defaulted, voided ones left out.
     *
     * @param ratings   rounds rated or defaulted in the period
     * @param satisfied of those, level 3 or more
     * @param bad       of those, level 2 or less
     */
    public record KpiRatings(long ratings, long satisfied, long bad) {

        public static final KpiRatings NONE = new KpiRatings(0, 0, 0);
    }

    private final JdbcTemplate jdbc;

    RatingFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of every department with any rating in {@code [from, to)}: department code -> figures. */
    public Map<String, DepartmentRatings> between(Instant from, Instant to) {
        Map<String, long[]> rows = new HashMap<>();
        jdbc.query("""
                select department_code, status, count(*) as n, sum(case when level >= 3 then 1 else 0 end) as ok
                from citizen_rating where rated_at >= ? and rated_at < ? and status in ('RATED', 'DEFAULTED')
                and department_code is not null group by department_code, status""", rs -> {
            long[] row = rows.computeIfAbsent(rs.getString("department_code"), d -> new long[5]);
            if ("RATED".equals(rs.getString("status"))) {
                row[0] = rs.getLong("n");
                row[1] = rs.getLong("ok");
            } else {
                row[2] = rs.getLong("n");
            }
        }, Timestamp.from(from), Timestamp.from(to));
        jdbc.query("""
                select department_code, count(*) as due,
                       sum(case when rectified_at <= rectification_due_at then 1 else 0 end) as on_time
                from citizen_rating where rectification_due_at >= ? and rectification_due_at < ?
                and status <> 'VOIDED' and department_code is not null group by department_code""", rs -> {
            long[] row = rows.computeIfAbsent(rs.getString("department_code"), d -> new long[5]);
            row[3] = rs.getLong("due");
            row[4] = rs.getLong("on_time");
        }, Timestamp.from(from), Timestamp.from(to));
        Map<String, DepartmentRatings> result = new HashMap<>();
        rows.forEach((d, r) -> result.put(d, new DepartmentRatings(r[0], r[1], r[2], r[3], r[4])));
        return result;
    }

    /**
     * Per department: the ratings given or defaulted in {@code [from, to)}, satisfied and bad (read from the index
     * {@code ix_citizen_rating_rated} alone).
     */
    public Map<String, KpiRatings> kpiRatings(Instant from, Instant to) {
        Map<String, KpiRatings> rows = new HashMap<>();
        jdbc.query("""
                select department_code as d, count(*) as ratings,
                       sum(case when level >= 3 then 1 else 0 end) as satisfied,
                       sum(case when level <= 2 then 1 else 0 end) as bad
                from citizen_rating
                where rated_at >= ? and rated_at < ? and status in ('RATED', 'DEFAULTED')
                and department_code is not null
                group by department_code""", rs -> {
            rows.put(rs.getString("d"), new KpiRatings(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        }, Timestamp.from(from), Timestamp.from(to));
        return rows;
    }

    /** Per department: bad-rating rectifications that passed their deadline in {@code [from, to)} (a breach). */
    public Map<String, Long> rectificationBreaches(Instant from, Instant to) {
        Map<String, Long> rows = new HashMap<>();
        jdbc.query("""
                select department_code as d, count(*) as n from citizen_rating
                where rectification_overdue_at >= ? and rectification_overdue_at < ?
                and department_code is not null
                group by department_code""", rs -> {
            rows.put(rs.getString("d"), rs.getLong("n"));
        }, Timestamp.from(from), Timestamp.from(to));
        return rows;
    }
}
