package org.opensupervision.spotcheck;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The offline checks of a period per department, for the performance evaluation (the SQL stays in this module). */
@Component
@Transactional(readOnly = true)
public class SpotCheckFigures {

    /**
     * One department's spot checks recorded in a period.
     *
     * @param checked sampled cases whose offline check was recorded in the period
     * @param passed  of those, the online record matched
     */
    public record DepartmentChecks(long checked, long passed) {
    }

    private final JdbcTemplate jdbc;

    SpotCheckFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Department code -> its checks recorded in {@code [from, to)}; departments without any are absent. */
    public Map<String, DepartmentChecks> checkedBetween(Instant from, Instant to) {
        Map<String, DepartmentChecks> result = new HashMap<>();
        jdbc.query("""
                select department_code, count(*) as checked,
                       sum(case when result = 'PASSED' then 1 else 0 end) as passed
                from spot_check_sample where checked_at >= ? and checked_at < ? and result in ('PASSED', 'DISCREPANCY')
                group by department_code""", rs -> {
            result.put(rs.getString("department_code"),
                    new DepartmentChecks(rs.getLong("checked"), rs.getLong("passed")));
        }, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
        return result;
    }
}
