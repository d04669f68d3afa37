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

    /** Rows per multi-row insert: full chunks share one statement text (prepared once per connection). */
    static final int ROWS_PER_INSERT = 100;
    private static final String EVENT_INSERT = "insert into approval_event (event_id, case_ref, event_type, occurred_at,"
            + " received_at, channel, reason, procedure_kind, decision) values ";

    private static final String CASE_INSERT = "insert into approval_case (case_id, item_id, item_code, department_code,"
            + " case_type, status, is_open, submitted_at, submitted_channel, accepted_at, decided_at, decision,"
            + " completed_at, completed_channel, closed_at, stopped_wd, stop_since, open_stops, statutory_due_at,"
            + " promised_due_at, next_check_at, raised_causes, used_wd, last_event_at, updated_at) values ";

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

    /**
     * Inserts new cases and sets their ids: multi-row inserts of up to {@value #ROWS_PER_INSERT} rows, each returning
     * the ids it generated with the case ids they belong to.
     */
    void insert(List<StoredCase> cases, Instant now) {
        for (int from = 0; from < cases.size(); from += ROWS_PER_INSERT) {
            List<StoredCase> chunk = cases.subList(from, Math.min(cases.size(), from + ROWS_PER_INSERT));
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(CASE_INSERT + rows(chunk.size(), 25),
                        new String[] {"id", "case_id"});
                int i = 1;
                for (StoredCase c : chunk) {
                    ApprovalItem item = c.progress.item();
                    ps.setString(i++, c.caseId);
                    ps.setLong(i++, item.id());
                    ps.setString(i++, item.itemCode());
                    ps.setString(i++, c.departmentCode);
                    ps.setString(i++, item.caseType().name());
                    i = setState(ps, i, c, now);
                }
                return ps;
            }, keys);
            List<Map<String, Object>> generated = keys.getKeyList();
            Map<String, StoredCase> byCaseId = new java.util.HashMap<>();
            chunk.forEach(c -> byCaseId.put(c.caseId, c));
            for (int i = 0; i < generated.size(); i++) {
                Map<String, Object> row = generated.get(i);
                Object caseId = value(row, "case_id");
                StoredCase c = caseId == null ? chunk.get(i) : byCaseId.get(caseId.toString());
                Object id = value(row, "id");
                c.id = ((Number) (id != null ? id : row.values().iterator().next())).longValue();
            }
        }
    }

    /** A generated-key column by name, whatever case the driver reports it in. */
    private static Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
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

    /**
     * Keeps accepted events: multi-row inserts of up to {@value #ROWS_PER_INSERT} rows, so a batch of 1,000 events is
     * a handful of statements instead of 1,000 (PostgreSQL executes each statement of a JDBC batch on its own).
     */
    void insertEvents(List<ReportedEvent> events, Map<String, StoredCase> cases, Instant receivedAt) {
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            List<ReportedEvent> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(EVENT_INSERT + rows(chunk.size(), 9));
                int i = 1;
                for (ReportedEvent e : chunk) {
                    ps.setString(i++, e.eventId());
                    ps.setLong(i++, cases.get(e.caseId()).id);
                    ps.setString(i++, e.type().name());
                    ps.setTimestamp(i++, Timestamp.from(e.occurredAt()));
                    ps.setTimestamp(i++, Timestamp.from(receivedAt));
                    ps.setString(i++, e.channel().name());
                    ps.setString(i++, e.reason());
                    ps.setString(i++, e.procedure() == null ? null : e.procedure().name());
                    ps.setString(i++, e.decision() == null ? null : e.decision().name());
                }
                return ps;
            });
        }
    }

    /**
     * Adds a batch's changes to the open cases by department and stage (table approval_open_count), in department and
     * stage order so that concurrent batches take the rows' locks in the same order. A row missing for a department
     * and stage is inserted; should a concurrent batch insert it first, the duplicate key has the batch taken again.
     */
    void addToOpenCounts(Map<String, Map<CaseStatus, Long>> changes) {
        changes.forEach((department, byStatus) -> byStatus.forEach((status, delta) -> {
            if (delta == 0) {
                return;
            }
            int updated = jdbc.update("update approval_open_count set cases = cases + ? where department_code = ?"
                    + " and status = ?", delta, department, status.name());
            if (updated == 0) {
                jdbc.update("insert into approval_open_count (department_code, status, cases) values (?, ?, ?)",
                        department, status.name(), delta);
            }
        }));
    }

    /** {@code (?, ..., ?), ...}: {@code rows} rows of {@code columns} parameters. */
    private static String rows(int rows, int columns) {
        String row = "(" + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", java.util.Collections.nCopies(rows, row));
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
