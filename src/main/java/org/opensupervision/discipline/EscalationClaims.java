package org.opensupervision.discipline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * The open slot of a department, rule and month (table {@code disciplinary_escalation_claim}). Taken with one insert
 * guarded by the unique {@code open_key}: on PostgreSQL {@code on conflict do nothing} (a concurrent claim waits for
 * the first to commit, then finds its row); on H2 the duplicate key fails the one statement, not the transaction.
 * Either way two triggers at once open one case.
 */
@Component
class EscalationClaims {

    private static final String INSERT = "insert into disciplinary_escalation_claim (dedup_key, open_key, "
            + "department_code, rule_key, period, tracking_number, opened_at) values (?, ?, ?, ?, ?, ?, ?)";

    record Claim(long id, boolean opened) {
    }

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    EscalationClaims(JdbcTemplate jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource,
                metaData -> metaData.getDatabaseProductName());
        this.postgres = product != null && product.toLowerCase().contains("postgres");
    }

    Claim claim(String key, String departmentCode, String ruleKey, String period, String trackingNumber,
                Instant now) {
        Object[] values = {key, key, departmentCode, ruleKey, period, trackingNumber, Timestamp.from(now)};
        int inserted;
        if (postgres) {
            inserted = jdbc.update(INSERT + " on conflict (open_key) do nothing", values);
        } else {
            try {
                inserted = jdbc.update(INSERT, values);
            } catch (DuplicateKeyException taken) {
                inserted = 0;
            }
        }
        Long id = jdbc.queryForObject("select id from disciplinary_escalation_claim where open_key = ?", Long.class,
                key);
        return new Claim(id, inserted == 1);
    }

    void attach(long claimId, String trackingNumber, EscalationSource source, String reason, int severity,
                Instant now) {
        jdbc.update("insert into disciplinary_escalation_evidence (claim_id, tracking_number, source, reason, "
                + "severity, recorded_at) values (?, ?, ?, ?, ?, ?)", claimId, trackingNumber, source.name(),
                reason, severity, Timestamp.from(now));
    }

    /** The case was decided: the slot is free for the next trigger of the same department, rule and month. */
    void release(long claimId, Instant now) {
        jdbc.update("update disciplinary_escalation_claim set open_key = null, decided_at = ? where id = ?",
                Timestamp.from(now), claimId);
    }

    List<EscalationEvidence> evidence(long claimId) {
        return jdbc.query("select tracking_number, source, reason, severity, recorded_at from "
                + "disciplinary_escalation_evidence where claim_id = ? order by recorded_at, id",
                (rs, i) -> new EscalationEvidence(rs.getString(1), EscalationSource.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getInt(4), rs.getTimestamp(5).toInstant()), claimId);
    }
}
