package org.opensupervision.approval;

import java.sql.Timestamp;
import java.time.Instant;

import org.opensupervision.rules.ApprovalCardCounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The cards the rules count: raised since an instant, not withdrawn (index {@code ix_approval_card_department}). */
@Component
class RecordedApprovalCards implements ApprovalCardCounts {

    private final JdbcTemplate jdbc;

    RecordedApprovalCards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long redCardsSince(String departmentCode, Instant since) {
        return count(departmentCode, since, CardColour.RED);
    }

    @Override
    public long yellowCardsSince(String departmentCode, Instant since) {
        return count(departmentCode, since, CardColour.YELLOW);
    }

    private long count(String departmentCode, Instant since, CardColour colour) {
        return jdbc.queryForObject("select count(*) from approval_card where department_code = ? and raised_at >= ?"
                        + " and colour = ? and status <> 'WITHDRAWN'", Long.class, departmentCode,
                Timestamp.from(since), colour.name());
    }
}
