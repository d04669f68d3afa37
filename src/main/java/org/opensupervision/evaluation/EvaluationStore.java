package org.opensupervision.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The evaluation's own tables: results by period and version, corrections, rule versions. */
@Repository
class EvaluationStore {

    /** A stored result row. */
    record StoredRun(long id, int version, String status, EvaluationResult result) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    EvaluationStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<StoredRun> latest(EvaluationPeriod period) {
        return first("select * from evaluation_run where period = ? order by version desc", period.code());
    }

    Optional<StoredRun> latestPublished(EvaluationPeriod period) {
        return first("select * from evaluation_run where period = ? and status = 'PUBLISHED' order by version desc",
                period.code());
    }

    Optional<StoredRun> version(EvaluationPeriod period, int version) {
        return first("select * from evaluation_run where period = ? and version = ?", period.code(), version);
    }

    /** Locks the period's latest row (or nothing) so that two computations or publications of it serialise. */
    Optional<StoredRun> lockLatest(EvaluationPeriod period) {
        return first("select * from evaluation_run where period = ? order by version desc for update", period.code());
    }

    /** Every computed period with its latest version and status, newest period first. */
    List<Evaluations.PeriodState> periods() {
        return jdbc.query("select r.period, r.version, r.status, r.computed_at, r.published_at from evaluation_run r "
                        + "where r.version = (select max(v.version) from evaluation_run v where v.period = r.period) "
                        + "order by r.period desc",
                (rs, n) -> new Evaluations.PeriodState(rs.getString("period"), rs.getInt("version"),
                        rs.getString("status"), rs.getTimestamp("computed_at").toInstant(),
                        rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant()));
    }

    /** The published periods, newest first. */
    List<String> publishedPeriods() {
        return jdbc.queryForList("select distinct period from evaluation_run where status = 'PUBLISHED' "
                + "order by period desc", String.class);
    }

    void insert(EvaluationResult result, String actor) {
        jdbc.update("insert into evaluation_run (period, version, status, rule_version, computed_at, computed_by, "
                        + "published_at, published_by, result) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                result.period(), result.version(), result.status(), result.ruleVersion(),
                Timestamp.from(result.computedAt()), actor, timestamp(result.publishedAt()),
                result.isPublished() ? actor : null, write(result));
    }

    /** Replaces a draft; a published row is never changed (the condition on the status keeps it so). */
    int replaceDraft(long id, EvaluationResult result, String actor) {
        return jdbc.update("update evaluation_run set status = ?, rule_version = ?, computed_at = ?, computed_by = ?,"
                        + " published_at = ?, published_by = ?, result = ? where id = ? and status = 'DRAFT'",
                result.status(), result.ruleVersion(), Timestamp.from(result.computedAt()), actor,
                timestamp(result.publishedAt()), result.isPublished() ? actor : null, write(result), id);
    }

    List<Correction> corrections(EvaluationPeriod period, int upToVersion) {
        return jdbc.query("select * from evaluation_correction where period = ? and version <= ? order by id",
                (rs, n) -> new Correction(rs.getInt("version"), rs.getString("department_code"),
                        Indicator.valueOf(rs.getString("indicator_code")), rs.getLong("original_numerator"),
                        rs.getLong("original_denominator"), rs.getLong("corrected_numerator"),
                        rs.getLong("corrected_denominator"), rs.getString("reason"), rs.getString("corrected_by"),
                        rs.getTimestamp("corrected_at").toInstant(), rs.getBoolean("after_publication")),
                period.code(), upToVersion);
    }

    void insert(EvaluationPeriod period, Correction c) {
        jdbc.update("insert into evaluation_correction (period, version, department_code, indicator_code, "
                        + "original_numerator, original_denominator, corrected_numerator, corrected_denominator, "
                        + "reason, corrected_by, corrected_at, after_publication) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                period.code(), c.version(), c.departmentCode(), c.indicator().name(), c.originalNumerator(),
                c.originalDenominator(), c.correctedNumerator(), c.correctedDenominator(), c.reason(),
                c.correctedBy(), Timestamp.from(c.correctedAt()), c.afterPublication());
    }

    Optional<EvaluationRules> rules(int version) {
        return jdbc.query("select version, rules from evaluation_rule_version where version = ?",
                (rs, n) -> readRules(rs), version).stream().findFirst();
    }

    Optional<EvaluationRules> latestRules() {
        return jdbc.query("select version, rules from evaluation_rule_version order by version desc",
                (rs, n) -> readRules(rs)).stream().findFirst();
    }

    void insertRules(EvaluationRules rules, String actor, String reason, Instant at) {
        jdbc.update("insert into evaluation_rule_version (version, rules, created_by, created_at, reason) "
                + "values (?, ?, ?, ?, ?)", rules.version(), write(rules), actor, Timestamp.from(at), reason);
    }

    private EvaluationRules readRules(ResultSet rs) throws SQLException {
        return read(rs.getString("rules"), EvaluationRules.class).withVersion(rs.getInt("version"));
    }

    private Optional<StoredRun> first(String sql, Object... args) {
        return jdbc.query(sql, (rs, n) -> new StoredRun(rs.getLong("id"), rs.getInt("version"),
                rs.getString("status"), read(rs.getString("result"), EvaluationResult.class)), args).stream()
                .findFirst();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Unreadable evaluation row", ex);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
