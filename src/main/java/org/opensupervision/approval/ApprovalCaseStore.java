package org.opensupervision.approval;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The case and event tables, read and written in sets: one query locks every case a batch touches, one batch
 * statement writes each kind of row.
 */
@Repository
class ApprovalCaseStore {

    static final String CASE_COLUMNS = "id, case_id, item_id, department_code, status, submitted_at, submitted_channel,"
            + " accepted_at, decided_at, decision, completed_at, completed_channel, closed_at, stopped_wd, stop_since,"
            + " open_stops, raised_causes, last_event_at";
    private static final String EVENT_COLUMNS = "e.id, e.event_id, e.event_type, e.occurred_at, e.channel, e.reason,"
            + " e.procedure_kind, e.decision";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ApprovalCatalogue catalogue;
    private final ApprovalClockPolicy clocks;

    ApprovalCaseStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, ApprovalCatalogue catalogue,
                      ApprovalClockPolicy clocks) {
        this.jdbc = jdbc;
        this.named = named;
        this.catalogue = catalogue;
        this.clocks = clocks;
    }

    /** The event ids among these that are already kept. */
    Set<String> knownEventIds(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("select event_id from approval_event where event_id in (:ids)",
                new MapSqlParameterSource("ids", eventIds), String.class));
    }

    /** The existing cases among these ids, locked for this transaction (in id order, as the watch locks them). */
    Map<String, StoredCase> lock(Collection<String> caseIds) {
        Map<String, StoredCase> cases = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return cases;
        }
        named.query("select " + CASE_COLUMNS + " from approval_case where case_id in (:ids) order by id for update",
                new MapSqlParameterSource("ids", caseIds), rs -> {
                    StoredCase c = read(rs);
                    cases.put(c.caseId, c);
                });
        return cases;
    }

    /** Due cases by their ids, locked, in id order. */
    List<StoredCase> lockByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query("select " + CASE_COLUMNS + " from approval_case where id in (:ids) order by id for update",
                new MapSqlParameterSource("ids", ids), (rs, n) -> read(rs));
    }

    /** Ids of open cases whose next check is due, the most overdue first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.queryForList("select id from approval_case where next_check_at <= ? order by next_check_at"
                + " fetch first " + limit + " rows only", Long.class, Timestamp.from(now));
    }

    /** Every kept event of a case, in arrival order. */
    List<ReportedEvent> events(StoredCase c) {
        return jdbc.query("select " + EVENT_COLUMNS + " from approval_event e where e.case_ref = ? order by e.id",
                (rs, n) -> event(rs, c.caseId, c.progress.item().itemCode(), c.departmentCode), c.id);
    }

    /** Inserts new cases and sets their ids. */
    void insert(List<StoredCase> cases, Instant now) {
        if (cases.isEmpty()) {
            return;
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement("insert into approval_case (case_id, item_id, item_code,"
                        + " department_code, case_type, status, is_open, submitted_at, submitted_channel, accepted_at,"
                        + " decided_at, decision, completed_at, completed_channel, closed_at, stopped_wd, stop_since,"
                        + " open_stops, statutory_due_at, promised_due_at, next_check_at, raised_causes, used_wd,"
                        + " last_event_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"}), new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        StoredCase c = cases.get(i);
                        ApprovalItem item = c.progress.item();
                        ps.setString(1, c.caseId);
                        ps.setLong(2, item.id());
                        ps.setString(3, item.itemCode());
                        ps.setString(4, c.departmentCode);
                        ps.setString(5, item.caseType().name());
                        setState(ps, 6, c, now);
                    }

                    @Override
                    public int getBatchSize() {
                        return cases.size();
                    }
                }, keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        for (int i = 0; i < cases.size(); i++) {
            Object id = generated.get(i).values().iterator().next();
            cases.get(i).id = ((Number) id).longValue();
        }
    }

    /** Writes the new state of existing cases. */
    void update(List<StoredCase> cases, Instant now) {
        if (cases.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("update approval_case set status = ?, is_open = ?, submitted_at = ?, submitted_channel = ?,"
                + " accepted_at = ?, decided_at = ?, decision = ?, completed_at = ?, completed_channel = ?,"
                + " closed_at = ?, stopped_wd = ?, stop_since = ?, open_stops = ?, statutory_due_at = ?,"
                + " promised_due_at = ?, next_check_at = ?, raised_causes = ?, used_wd = ?, last_event_at = ?,"
                + " updated_at = ?"
                + " where id = ?", new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        StoredCase c = cases.get(i);
                        int next = setState(ps, 1, c, now);
                        ps.setLong(next, c.id);
                    }

                    @Override
                    public int getBatchSize() {
                        return cases.size();
                    }
                });
    }

    /** Keeps accepted events. */
    void insertEvents(List<ReportedEvent> events, Map<String, StoredCase> cases, Instant receivedAt) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into approval_event (event_id, case_ref, event_type, occurred_at, received_at, channel,"
                + " reason, procedure_kind, decision) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ReportedEvent e = events.get(i);
                        ps.setString(1, e.eventId());
                        ps.setLong(2, cases.get(e.caseId()).id);
                        ps.setString(3, e.type().name());
                        ps.setTimestamp(4, Timestamp.from(e.occurredAt()));
                        ps.setTimestamp(5, Timestamp.from(receivedAt));
                        ps.setString(6, e.channel().name());
                        ps.setString(7, e.reason());
                        ps.setString(8, e.procedure() == null ? null : e.procedure().name());
                        ps.setString(9, e.decision() == null ? null : e.decision().name());
                    }

                    @Override
                    public int getBatchSize() {
                        return events.size();
                    }
                });
    }

    private int setState(PreparedStatement ps, int from, StoredCase c, Instant now) throws SQLException {
        CaseProgress p = c.progress;
        ApprovalClockPolicy.Dues dues = clocks.dues(p, now);
        int i = from;
        ps.setString(i++, p.status().name());
        ps.setBoolean(i++, p.isOpen());
        timestamp(ps, i++, p.submittedAt);
        ps.setString(i++, p.submittedChannel == null ? null : p.submittedChannel.name());
        timestamp(ps, i++, p.acceptedAt);
        timestamp(ps, i++, p.decidedAt);
        ps.setString(i++, p.decision == null ? null : p.decision.name());
        timestamp(ps, i++, p.completedAt);
        ps.setString(i++, p.completedChannel == null ? null : p.completedChannel.name());
        timestamp(ps, i++, p.closedAt);
        ps.setInt(i++, p.stoppedWorkingDays);
        timestamp(ps, i++, p.stopSince);
        ps.setString(i++, p.openStops.isEmpty() ? null : String.join(",", p.openStops));
        timestamp(ps, i++, dues.statutory());
        timestamp(ps, i++, dues.promised());
        timestamp(ps, i++, nextCheck(c, now));
        ps.setString(i++, StoredCase.column(c.raised));
        Integer used = clocks.usedWorkingDays(p);
        if (used == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, used);
        }
        timestamp(ps, i++, p.lastEventAt);
        timestamp(ps, i++, now);
        return i;
    }

    /** The earliest instant a threshold not yet carded falls due; null for a closed case or when none is left. */
    Instant nextCheck(StoredCase c, Instant now) {
        Instant next = null;
        for (ApprovalClockPolicy.Threshold t : clocks.thresholds(c.progress, now)) {
            if (!c.raised.contains(t.cause())) {
                next = StoredCase.earliest(next, t.at());
            }
        }
        return next;
    }

    private StoredCase read(ResultSet rs) throws SQLException {
        CaseProgress p = new CaseProgress(catalogue.version(rs.getLong("item_id")), clocks);
        p.stage = baseStage(rs.getString("status"), rs.getTimestamp("accepted_at") != null);
        p.submittedAt = instant(rs, "submitted_at");
        p.submittedChannel = channel(rs.getString("submitted_channel"));
        p.acceptedAt = instant(rs, "accepted_at");
        p.decidedAt = instant(rs, "decided_at");
        p.decision = rs.getString("decision") == null ? null : ApprovalDecision.valueOf(rs.getString("decision"));
        p.completedAt = instant(rs, "completed_at");
        p.completedChannel = channel(rs.getString("completed_channel"));
        p.closedAt = instant(rs, "closed_at");
        p.stoppedWorkingDays = rs.getInt("stopped_wd");
        p.stopSince = instant(rs, "stop_since");
        String stops = rs.getString("open_stops");
        if (stops != null) {
            p.openStops.addAll(List.of(stops.split(",")));
        }
        p.lastEventAt = instant(rs, "last_event_at");
        return new StoredCase(rs.getLong("id"), rs.getString("case_id"), rs.getString("department_code"), p,
                StoredCase.causes(rs.getString("raised_causes")));
    }

    /** The lifecycle stage behind a status that shows an open stop. */
    private static CaseStatus baseStage(String status, boolean accepted) {
        CaseStatus s = CaseStatus.valueOf(status);
        if (s == CaseStatus.CORRECTION || s == CaseStatus.SPECIAL_PROCEDURE) {
            return accepted ? CaseStatus.ACCEPTED : CaseStatus.SUBMITTED;
        }
        return s;
    }

    private static ReportedEvent event(ResultSet rs, String caseId, String itemCode, String departmentCode)
            throws SQLException {
        String procedure = rs.getString("procedure_kind");
        String decision = rs.getString("decision");
        return new ReportedEvent(rs.getString("event_id"), caseId, itemCode, departmentCode,
                ApprovalEventType.valueOf(rs.getString("event_type")), instant(rs, "occurred_at"),
                Channel.valueOf(rs.getString("channel")), rs.getString("reason"),
                procedure == null ? null : SpecialProcedure.valueOf(procedure),
                decision == null ? null : ApprovalDecision.valueOf(decision), rs.getLong("id"));
    }

    private static Channel channel(String value) {
        return value == null ? null : Channel.valueOf(value);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void timestamp(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(value));
        }
    }
}
