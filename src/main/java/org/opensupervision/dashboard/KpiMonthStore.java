package org.opensupervision.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored figures of final KPI months (table {@code kpi_month_figures}, this module's own). Writes run in a
 * transaction of their own: a caller's read-only transaction (the evaluation reads the KPI month in one) must neither
 * refuse the insert nor be aborted by a losing one.
 */
@Repository
class KpiMonthStore {

    private static final String COLUMNS = "department_code, received, first_feedback_due, first_feedback_on_time, "
            + "closed, closed_on_time, reworked, first_feedback_breaches, handling_breaches, ratings, satisfied, "
            + "bad_ratings, rectification_breaches";

    private final NamedParameterJdbcTemplate jdbc;

    KpiMonthStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The month's stored figures, empty when it was never stored; rows in no particular order. */
    @Transactional(readOnly = true)
    public Optional<KpiMonth> find(YearMonth month) {
        List<Stored> rows = jdbc.query("select " + COLUMNS + ", computed_at from kpi_month_figures "
                + "where period = :month", new MapSqlParameterSource("month", month.toString()), KpiMonthStore::stored);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Instant computedAt = rows.stream().map(Stored::computedAt).max(Instant::compareTo).orElseThrow();
        return Optional.of(new KpiMonth(month, rows.stream().map(Stored::figures).toList(), computedAt));
    }

    /**
     * Stores the month's figures. Fails with a {@link org.springframework.dao.DataIntegrityViolationException} (or,
     * on a database that gives up waiting, a {@link org.springframework.dao.ConcurrencyFailureException}) when
     * another transaction stored the month first; nothing of this call is kept then.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void insert(KpiMonth figures) {
        write(figures);
    }

    /** Replaces the month's figures (the operator's recompute). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void replace(KpiMonth figures) {
        jdbc.update("delete from kpi_month_figures where period = :month",
                new MapSqlParameterSource("month", figures.month().toString()));
        write(figures);
    }

    private void write(KpiMonth figures) {
        OffsetDateTime at = figures.computedAt().atOffset(ZoneOffset.UTC);
        SqlParameterSource[] rows = figures.departments().stream().map(k -> new MapSqlParameterSource()
                .addValue("month", figures.month().toString()).addValue("department", k.departmentCode())
                .addValue("received", k.received()).addValue("ffDue", k.firstFeedbackDue())
                .addValue("ffOnTime", k.firstFeedbackOnTime()).addValue("closed", k.closed())
                .addValue("closedOnTime", k.closedOnTime()).addValue("reworked", k.reworked())
                .addValue("ffBreaches", k.firstFeedbackBreaches()).addValue("handlingBreaches", k.handlingBreaches())
                .addValue("ratings", k.ratings()).addValue("satisfied", k.satisfied())
                .addValue("bad", k.badRatings()).addValue("rectification", k.rectificationBreaches())
                .addValue("at", at)).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("insert into kpi_month_figures (period, " + COLUMNS + ", computed_at) values (:month, "
                + ":department, :received, :ffDue, :ffOnTime, :closed, :closedOnTime, :reworked, :ffBreaches, "
                + ":handlingBreaches, :ratings, :satisfied, :bad, :rectification, :at)", rows);
    }

    private record Stored(DepartmentKpis figures, Instant computedAt) {
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(new DepartmentKpis(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                rs.getLong(11), rs.getLong(12), rs.getLong(13)),
                rs.getObject(14, OffsetDateTime.class).toInstant());
    }
}
