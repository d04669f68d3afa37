package org.opensupervision.audit;

import java.time.Clock;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes the audit trail of cases whose every entry is past its retain-until date (stamped at write time from
 * {@code supervision.audit.retention}). A case's chain goes as a whole, head included, so what stays always
 * verifies. On PostgreSQL the append-only trigger lets a row go only once its retain-until date has passed.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditRetention(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs nightly; returns how many cases were removed. */
    @Scheduled(cron = "${supervision.audit.retention-cron:0 30 3 * * *}")
    @Transactional
    public int purgeExpired() {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        var expired = jdbc.queryForList("select case_key from audit_entry group by case_key "
                + "having max(retain_until) < ?", String.class, now);
        for (String caseKey : expired) {
            jdbc.update("delete from audit_entry where case_key = ?", caseKey);
            jdbc.update("delete from audit_chain_head where case_key = ?", caseKey);
        }
        if (!expired.isEmpty()) {
            log.info("Audit trail of {} case(s) removed after the retention period", expired.size());
        }
        return expired.size();
    }
}
