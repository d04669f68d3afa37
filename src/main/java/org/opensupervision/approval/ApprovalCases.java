package org.opensupervision.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.complaint.ListPage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What staff read of approval-case supervision: one case with its clocks, cards and events; the list; the live view.
 * Callers scope by department (see {@code web.ApprovalAccess}).
 */
@Service
public class ApprovalCases {

    private final JdbcTemplate jdbc;
    private final ApprovalCatalogue catalogue;
    private final ApprovalCards cards;
    private final ApprovalProperties properties;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final int countLimit;

    ApprovalCases(JdbcTemplate jdbc, ApprovalCatalogue catalogue, ApprovalCards cards, ApprovalProperties properties,
                  WorkingDayCalendar calendar, Clock clock,
                  @org.springframework.beans.factory.annotation.Value("${supervision.staff-list.count-limit:1000}")
                  int countLimit) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.cards = cards;
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
        this.countLimit = countLimit;
    }

    /** The department a case belongs to, if the case exists. */
    public Optional<String> departmentOf(String caseId) {
        return jdbc.queryForList("select department_code from approval_case where case_id = ?", String.class, caseId)
                .stream().findFirst();
    }

    /** One case with its cards and its events in the order of their own time. */
    public Optional<ApprovalCaseView> find(String caseId) {
        Instant now = clock.instant();
        return jdbc.query("select c.*, i.version as item_version, i.name as item_name from approval_case c"
                + " join approval_item i on i.id = c.item_id where c.case_id = ?", (rs, n) -> {
                    long ref = rs.getLong("id");
                    List<ApprovalCaseView.Event> events = events(ref);
                    String stops = rs.getString("open_stops");
                    return new ApprovalCaseView(rs.getString("case_id"), rs.getString("item_code"),
                            rs.getInt("item_version"), rs.getString("item_name"), rs.getString("department_code"),
                            CaseType.valueOf(rs.getString("case_type")), CaseStatus.valueOf(rs.getString("status")),
                            ApprovalCaseStore.instant(rs, "submitted_at"), channel(rs, "submitted_channel"),
                            ApprovalCaseStore.instant(rs, "accepted_at"), ApprovalCaseStore.instant(rs, "decided_at"),
                            rs.getString("decision") == null ? null : ApprovalDecision.valueOf(rs.getString("decision")),
                            ApprovalCaseStore.instant(rs, "completed_at"), channel(rs, "completed_channel"),
                            ApprovalCaseStore.instant(rs, "statutory_due_at"),
                            ApprovalCaseStore.instant(rs, "promised_due_at"), rs.getInt("stopped_wd"), stops != null,
                            stops == null ? List.of() : List.of(stops.split(",")),
                            rs.getObject("used_wd", Integer.class), overdue(rs, now), cards.cardsOf(caseId), events);
                }, caseId).stream().findFirst();
    }

    /**
     * A page of cases, newest activity first, among the departments given (null: every department).
     *
     * @param departments the departments the reader may see, or null for all
     */
    public ListPage<ApprovalCaseSummary> list(ApprovalCaseQuery query, java.util.Set<String> departments) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.departmentCode() != null) {
            where.append(" and c.department_code = ?");
            args.add(query.departmentCode());
        }
        if (departments != null) {
            if (departments.isEmpty()) {
                return new ListPage<>(List.of(), query.page(), query.size(), 0, false, false);
            }
            where.append(" and c.department_code in (").append(String.join(",",
                    departments.stream().map(d -> "?").toList())).append(")");
            args.addAll(departments);
        }
        if (query.status() != null) {
            where.append(" and c.status = ?");
            args.add(query.status().name());
        }
        if (Boolean.TRUE.equals(query.overdue())) {
            where.append(" and c.is_open = true and c.decided_at is null and c.promised_due_at < ?");
            args.add(Timestamp.from(clock.instant()));
        }
        if (query.card() != null) {
            where.append(" and exists (select 1 from approval_card k where k.case_ref = c.id and k.colour = ?"
                    + " and k.status <> 'WITHDRAWN')");
            args.add(query.card().name());
        }
        Instant now = clock.instant();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size() + 1);
        pageArgs.add((long) query.page() * query.size());
        // Overdue cases are few and old, while the newest cases are never overdue: read in id order, the page would
        // pass over every newer case first. Their ids come from the undecided cases' index instead (the inner query,
        // fenced by "offset 0 rows" so it is not read in id order), then the page's rows by id.
        String from = Boolean.TRUE.equals(query.overdue())
                ? " from approval_case c where c.id in (select f.id from (select c.id from approval_case c" + where
                + " offset 0 rows) f order by f.id desc limit ? offset ?) order by c.id desc"
                : " from approval_case c" + where + " order by c.id desc limit ? offset ?";
        List<ApprovalCaseSummary> rows = jdbc.query("select c.case_id, c.item_code, c.department_code, c.status,"
                + " c.submitted_at, c.accepted_at, c.promised_due_at, c.statutory_due_at, c.is_open, c.decided_at,"
                + " c.raised_causes, c.last_event_at" + from, (rs, n) -> new ApprovalCaseSummary(rs.getString("case_id"),
                rs.getString("item_code"), rs.getString("department_code"), CaseStatus.valueOf(rs.getString("status")),
                ApprovalCaseStore.instant(rs, "submitted_at"), ApprovalCaseStore.instant(rs, "accepted_at"),
                ApprovalCaseStore.instant(rs, "promised_due_at"), ApprovalCaseStore.instant(rs, "statutory_due_at"),
                overdue(rs, now), rs.getString("raised_causes"), ApprovalCaseStore.instant(rs, "last_event_at")),
                pageArgs.toArray());
        boolean next = rows.size() > query.size();
        List<ApprovalCaseSummary> content = next ? rows.subList(0, query.size()) : rows;
        long offset = (long) query.page() * query.size();
        long total;
        boolean capped = false;
        if (!next && (!content.isEmpty() || query.page() == 0)) {
            total = offset + content.size();
        } else {
            List<Object> countArgs = new ArrayList<>(args);
            countArgs.add(countLimit + 1);
            total = jdbc.queryForObject("select count(*) from (select 1 from approval_case c" + where
                    + " limit ?) counted", Long.class, countArgs.toArray());
            capped = total > countLimit;
            total = Math.min(total, countLimit);
        }
        return new ListPage<>(content, query.page(), query.size(), total, capped, next);
    }

    /** The live view of a department, or of the province (null). */
    public ApprovalDashboard dashboard(String departmentCode) {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atZone(calendar.zone()));
        Timestamp monthStart = Timestamp.from(month.atDay(1).atStartOfDay(calendar.zone()).toInstant());
        String dept = departmentCode == null ? "" : " and department_code = ?";
        Object[] d = departmentCode == null ? new Object[0] : new Object[] {departmentCode};
        // Open cases by stage: kept by the intake (approval_open_count), not counted over a million rows each time.
        Map<CaseStatus, Long> open = new EnumMap<>(CaseStatus.class);
        jdbc.query("select status, sum(cases) as n from approval_open_count where 1 = 1" + dept + " group by status",
                rs -> {
                    if (rs.getLong("n") != 0) {
                        open.put(CaseStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                    }
                }, d);
        // The conditions below are written out as the partial indexes of V8_3_1 state them (literals, not
        // parameters), so that PostgreSQL answers each count from its index alone.
        long overdue = jdbc.queryForObject("select count(*) from approval_case where is_open = true"
                + " and decided_at is null and promised_due_at < ?" + dept, Long.class, args(Timestamp.from(now), d));
        long near = jdbc.queryForObject("select count(*) from approval_case where is_open = true"
                + " and decided_at is null and promised_due_at >= ? and raised_causes like '%"
                + CardCause.PROMISED_LIMIT_NEAR.name() + "%'" + dept, Long.class, args(Timestamp.from(now), d));
        long yellow = cardCount(CardColour.YELLOW, monthStart, departmentCode);
        long red = cardCount(CardColour.RED, monthStart, departmentCode);
        long[] completed = new long[2];
        jdbc.query("select count(*) as n, sum(case when submitted_channel = 'ONLINE' and completed_channel = 'ONLINE'"
                + " then 1 else 0 end) as online from approval_case where closed_at >= ? and status = 'COMPLETED'"
                + dept, rs -> {
                    completed[0] = rs.getLong("n");
                    completed[1] = rs.getLong("online");
                }, args(monthStart, d));
        Double used = jdbc.queryForObject("select avg(cast(c.used_wd as double precision) / i.promised_limit_wd)"
                + " from approval_case c join approval_item i on i.id = c.item_id where c.decided_at >= ?"
                + " and c.used_wd is not null and i.promised_limit_wd > 0"
                + (departmentCode == null ? "" : " and c.department_code = ?"), Double.class, args(monthStart, d));
        return new ApprovalDashboard(departmentCode, month.toString(), open, near, overdue, yellow, red, completed[0],
                completed[1], completed[0] == 0 ? null : (double) completed[1] / completed[0],
                properties.onlineTarget(), used);
    }

    private long cardCount(CardColour colour, Timestamp since, String departmentCode) {
        return departmentCode == null
                ? jdbc.queryForObject("select count(*) from approval_card where raised_at >= ? and colour = ?"
                + " and status <> 'WITHDRAWN'", Long.class, since, colour.name())
                : jdbc.queryForObject("select count(*) from approval_card where department_code = ? and raised_at >= ?"
                + " and colour = ? and status <> 'WITHDRAWN'", Long.class, departmentCode, since, colour.name());
    }

    private List<ApprovalCaseView.Event> events(long caseRef) {
        List<ApprovalCaseView.Event> events = jdbc.query("select * from approval_event where case_ref = ?",
                (rs, n) -> new ApprovalCaseView.Event(rs.getString("event_id"),
                        ApprovalEventType.valueOf(rs.getString("event_type")),
                        ApprovalCaseStore.instant(rs, "occurred_at"), ApprovalCaseStore.instant(rs, "received_at"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("reason"),
                        rs.getString("procedure_kind") == null ? null
                                : SpecialProcedure.valueOf(rs.getString("procedure_kind")),
                        rs.getString("decision") == null ? null : ApprovalDecision.valueOf(rs.getString("decision"))),
                caseRef);
        events.sort(Comparator.comparing(ApprovalCaseView.Event::occurredAt)
                .thenComparing(ApprovalCaseView.Event::type));
        return events;
    }

    private static boolean overdue(ResultSet rs, Instant now) throws SQLException {
        Instant due = ApprovalCaseStore.instant(rs, "promised_due_at");
        return rs.getBoolean("is_open") && rs.getTimestamp("decided_at") == null && due != null && due.isBefore(now);
    }

    private static Channel channel(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Channel.valueOf(value);
    }

    private static Object[] args(Object first, Object[] rest, Object... more) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(more));
        all.addAll(List.of(rest));
        return all.toArray();
    }
}
