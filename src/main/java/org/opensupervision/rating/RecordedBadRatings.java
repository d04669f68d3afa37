package org.opensupervision.rating;

import java.sql.Timestamp;
import java.time.Instant;
import org.opensupervision.rules.BadRatings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bad ratings (差评: levels 2 and 1) the supervision rules and the spot-check weights count: every rated round,
 * charged to the department that handled the case, except a rating voided by an upheld appeal.
 */
@Component
class RecordedBadRatings implements BadRatings {

    private static final String BAD = "r.level <= 2 and r.rated_at is not null and (r.appeal_upheld is null or "
            + "r.appeal_upheld = false)";

    private final JdbcTemplate jdbc;

    RecordedBadRatings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long countSince(String departmentCode, Instant since) {
        // The rating's own copy of the handling department (set when the round opens, backfilled by V5): no join
        // over the complaint module's table.
        Long count = jdbc.queryForObject("select count(*) from citizen_rating r where r.department_code = ? "
                + "and r.rated_at >= ? and " + BAD, Long.class, departmentCode, Timestamp.from(since));
        return count == null ? 0 : count;
    }

    @Override
    public boolean ratedBadly(String trackingNumber) {
        Long count = jdbc.queryForObject("select count(*) from citizen_rating r where r.tracking_number = ? and "
                + BAD, Long.class, trackingNumber);
        return count != null && count > 0;
    }
}
