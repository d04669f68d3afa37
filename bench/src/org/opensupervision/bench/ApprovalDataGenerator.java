package org.opensupervision.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills the approval-case tables (issue 11) set-based, straight in PostgreSQL (INSERT ... SELECT over
 * generate_series): closed cases with their events and cards, then open cases with theirs. Nothing goes through HTTP.
 *
 * <p>Closed cases: closed over the 730 days before now (so the current month has its share), over the 60 catalogue
 * items with a skewed share per item (so departments differ in volume); 4 % refused at intake, 5 % withdrawn after
 * acceptance, the rest completed (3 % of them refused with a reason); 15 % had a 补正 stop of 1-10 working days; 75 %
 * applied for online; days used against the promised limit skewed so that about 13 % were carded yellow and 4 % red.
 * Events: 申办, 受理, 补正 requested/received, 审批, 办结 / 不予受理 / 撤回 as their state implies (4.3 per case).
 *
 * <p>Open cases (items that are not 即办件): 12 % submitted, 66 % accepted, 9 % in 补正, 3 % in a special procedure,
 * 10 % decided; an accepted case has used 0-105 % of its promised limit (about 5 % overdue, carded as such); the next
 * check of each case is the threshold its state implies (near, passed, stop limit, stage limits), so checks are spread
 * over the coming days; {@code --due-now} of them are due at once. Working days are approximated as 7/5 calendar days:
 * the application recomputes the exact instants whenever it touches a case.
 *
 * <p>Indexes and constraints of the approval tables are dropped for the closed cases' load and rebuilt after it
 * (as a bulk load is done); the open cases go in with every index in place.
 */
final class ApprovalDataGenerator {

    private static final String TABLES = "'approval_case', 'approval_event', 'approval_card'";

    private final String jdbcUrl;

    ApprovalDataGenerator(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    static void run(Options options) throws Exception {
        ApprovalDataGenerator generator = new ApprovalDataGenerator(options.get("jdbc"));
        String what = options.get("what", "closed");
        long count = options.longValue("count", 1000);
        double seed = options.doubleValue("seed", 0.42);
        long began = System.nanoTime();
        switch (what) {
            case "closed" -> generator.closed(count, seed);
            case "open" -> generator.open(count, seed, options.longValue("due-now", 200));
            default -> throw new IllegalArgumentException("--what closed|open");
        }
        System.out.printf(Locale.ROOT, "approval_datagen_%s_cases=%d%napproval_datagen_%s_seconds=%.1f%n", what, count,
                what, (System.nanoTime() - began) / 1e9);
    }

    /** Closed cases with their events and cards; indexes rebuilt afterwards. */
    void closed(long count, double seed) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("set maintenance_work_mem = '512MB'");
            s.execute("set work_mem = '64MB'");
            items(s, false);
            long base = nextId(s);
            String insert = ("""
                    insert into approval_case (id, case_id, item_id, item_code, department_code, case_type, status,
                      is_open, submitted_at, submitted_channel, accepted_at, decided_at, decision, completed_at,
                      completed_channel, closed_at, stopped_wd, stop_since, open_stops, statutory_due_at, promised_due_at,
                      next_check_at, raised_causes, used_wd, last_event_at, updated_at)
                    select id, case_id, item_id, item_code, department_code, case_type, status, false, sub, ch,
                      acc, dec, decision, comp, case when comp is not null then ch end, closed, stopped, null, null,
                      acc + (statutory + stopped) * 1.4 * interval '1 day',
                      acc + (promised + stopped) * 1.4 * interval '1 day',
                      null,
                      case when status = 'COMPLETED' and share > 1.0 then 'PROMISED_LIMIT_NEAR,PROMISED_LIMIT_PASSED'
                           when status = 'COMPLETED' and share > 0.8 then 'PROMISED_LIMIT_NEAR' end,
                      case when dec is not null then floor(promised * share)::int end, closed, closed
                    from (
                      select id, case_id, item_id, item_code, department_code, case_type, status, ch, stopped, share,
                        promised, statutory, closed, sub, acc, dec, decision,
                        case when status = 'COMPLETED' then closed end as comp
                      from (
                        select id, case_id, item_id, item_code, department_code, case_type, status, ch, stopped, share,
                          promised, statutory, closed, sub,
                          case when status <> 'REFUSED_AT_INTAKE' then acc end as acc,
                          case when status = 'COMPLETED' then dec end as dec,
                          case when status = 'COMPLETED' then case when rk < 0.03 then 'REFUSED' else 'APPROVED' end
                          end as decision
                        from (
                          select r.id, '44' || to_char(r.closed, 'YYYYMMDD') || lpad(r.id::text, 9, '0') as case_id,
                            i.id as item_id, i.item_code, i.department_code, i.case_type, r.rk, r.closed,
                            case when r.ro < 0.04 then 'REFUSED_AT_INTAKE' when r.ro < 0.09 then 'WITHDRAWN'
                                 else 'COMPLETED' end as status,
                            case when r.rc2 < 0.75 then 'ONLINE' else 'COUNTER' end as ch,
                            i.promised_limit_wd as promised, i.statutory_limit_wd as statutory,
                            case when i.case_type <> 'IMMEDIATE' and r.rc < 0.15 then 1 + floor(r.rc * 66)::int %% 10
                                 else 0 end as stopped,
                            0.2 + power(r.rd, 3) * 0.9 as share,
                            -- backwards from the closure: delivery 0-2 days after the decision, the decision after
                            -- the share of the promised limit (plus the stop), acceptance 0-2 days after applying
                            r.closed - r.rk * interval '2 days' as dec,
                            r.closed - r.rk * interval '2 days' - case when i.case_type = 'IMMEDIATE'
                              then interval '30 minutes' else (i.promised_limit_wd * (0.2 + power(r.rd, 3) * 0.9)
                              + case when r.rc < 0.15 then 1 + floor(r.rc * 66)::int %% 10 else 0 end) * 1.4
                              * interval '1 day' end as acc,
                            r.closed - r.rk * interval '2 days' - case when i.case_type = 'IMMEDIATE'
                              then interval '30 minutes' else (i.promised_limit_wd * (0.2 + power(r.rd, 3) * 0.9)
                              + case when r.rc < 0.15 then 1 + floor(r.rc * 66)::int %% 10 else 0 end) * 1.4
                              * interval '1 day' end - r.rs * interval '2 days' as sub
                          from (
                            select g + %1$d as id, random() as ri, random() as ro, random() as rs, random() as rd,
                              random() as rc, random() as rc2, random() as rk,
                              date_trunc('second', now() - interval '1 hour' - random() * interval '730 days') as closed
                            from generate_series(1, %2$d) g
                          ) r
                          join bench_items i on i.n = 1 + floor(power(r.ri, 1.4) * (select count(*) from bench_items))::int
                        ) x
                      ) y
                    ) z
                    """).formatted(base, count);
            List<String> recreate = dropIndexes(s);
            try {
                s.execute("select setseed(" + seed + ")");
                s.execute(insert);
                s.execute("""
                    update approval_case set closed_at = submitted_at + interval '1 day', last_event_at = submitted_at
                      + interval '1 day', updated_at = submitted_at + interval '1 day' where id > %d
                      and status = 'REFUSED_AT_INTAKE'
                    """.formatted(base));
                events(s, base, false);
                cards(s, base);
                resetSequences(s);
                openCounts(s);
            } finally {
                for (String sql : recreate) {
                    s.execute(sql);
                }
            }
            s.execute("drop table bench_items");
        }
    }

    /** Open cases with their events and cards, every index in place. */
    void open(long count, double seed, long dueNow) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("set work_mem = '64MB'");
            items(s, true);
            long base = nextId(s);
            s.execute("select setseed(" + seed + ")");
            s.execute(("""
                    insert into approval_case (id, case_id, item_id, item_code, department_code, case_type, status,
                      is_open, submitted_at, submitted_channel, accepted_at, decided_at, decision, completed_at,
                      completed_channel, closed_at, stopped_wd, stop_since, open_stops, statutory_due_at, promised_due_at,
                      next_check_at, raised_causes, used_wd, last_event_at, updated_at)
                    select id, case_id, item_id, item_code, department_code, case_type, status, true, sub, ch, acc, dec,
                      case when dec is not null then 'APPROVED' end, null, null, null, 0, stop_since,
                      case when status = 'CORRECTION' then 'CORRECTION' when status = 'SPECIAL_PROCEDURE' then proc end,
                      acc + statutory * 1.4 * interval '1 day', acc + promised * 1.4 * interval '1 day',
                      case when status = 'SUBMITTED' then case when c_acc is null
                             then sub + acceptance * 1.4 * interval '1 day' end
                           when status = 'DECIDED' then case when c_del is null
                             then dec + decision_limit * 1.4 * interval '1 day' end
                           when status in ('CORRECTION', 'SPECIAL_PROCEDURE') then case when c_stop is null
                             then stop_since + max_stop * 1.4 * interval '1 day' end
                           else least(case when c_pn is null then acc + near_p * 1.4 * interval '1 day' end,
                             case when c_pp is null then acc + promised * 1.4 * interval '1 day' end,
                             case when c_sn is null then acc + near_s * 1.4 * interval '1 day' end,
                             case when c_sp is null then acc + statutory * 1.4 * interval '1 day' end,
                             case when c_rev is null then acc + review * 1.4 * interval '1 day' end)
                      end,
                      nullif(concat_ws(',', c_pn, c_sn, c_acc, c_rev, c_del, c_stop, c_pp, c_sp), ''),
                      case when dec is not null then greatest(0, floor(clock_wd))::int end,
                      coalesce(stop_since, dec, acc, sub), now()
                    from (
                      -- The causes whose threshold has passed (with a working day to spare for the approximation)
                      -- count as carded already: the watch would have carded them when they fell due.
                      select w.*,
                        case when clock and near_p <= clock_wd + 1 then 'PROMISED_LIMIT_NEAR' end as c_pn,
                        case when clock and near_s <= clock_wd + 1 then 'STATUTORY_LIMIT_NEAR' end as c_sn,
                        case when clock and promised <= clock_wd + 1 then 'PROMISED_LIMIT_PASSED' end as c_pp,
                        case when clock and statutory <= clock_wd + 1 then 'STATUTORY_LIMIT_PASSED' end as c_sp,
                        case when clock and review <= clock_wd + 1 then 'REVIEW_STAGE_LATE' end as c_rev,
                        case when status = 'SUBMITTED' and acceptance <= sub_wd + 1 then 'ACCEPTANCE_STAGE_LATE'
                        end as c_acc,
                        case when status = 'DECIDED' and decision_limit <= dec_wd + 1 then 'DELIVERY_STAGE_LATE'
                        end as c_del,
                        case when status in ('CORRECTION', 'SPECIAL_PROCEDURE') and max_stop <= stop_wd + 1
                          then 'STOP_OVER_LIMIT' end as c_stop
                      from (
                        select v.*, status <> 'SUBMITTED' as clock,
                          extract(epoch from coalesce(stop_since, dec, now()) - acc) / 86400 / 1.4 as clock_wd,
                          extract(epoch from now() - sub) / 86400 / 1.4 as sub_wd,
                          extract(epoch from now() - dec) / 86400 / 1.4 as dec_wd,
                          extract(epoch from now() - stop_since) / 86400 / 1.4 as stop_wd,
                          case when promised > 0 then least(promised - 1, floor(0.8 * promised)) end as near_p,
                          case when statutory > 0 then least(statutory - 1, floor(0.8 * statutory)) end as near_s
                        from (
                          select id, case_id, item_id, item_code, department_code, case_type, status, ch, promised,
                            statutory, acceptance, review, decision_limit, max_stop, proc, sub, acc,
                            case when status = 'DECIDED' then acc + (now() - acc) * 0.9 end as dec,
                            case when status in ('CORRECTION', 'SPECIAL_PROCEDURE') then acc + (now() - acc) * 0.5
                            end as stop_since
                          from (
                            select r.id, '44' || to_char(now(), 'YYYYMMDD') || lpad(r.id::text, 9, '0') as case_id,
                              i.id as item_id, i.item_code, i.department_code, i.case_type,
                              case when r.rt < 0.12 then 'SUBMITTED' when r.rt < 0.78 then 'ACCEPTED'
                                   when r.rt < 0.87 then 'CORRECTION' when r.rt < 0.90 then 'SPECIAL_PROCEDURE'
                                   else 'DECIDED' end as status,
                              case when r.rc < 0.75 then 'ONLINE' else 'COUNTER' end as ch,
                              (array['HEARING', 'EXPERT_REVIEW', 'TESTING', 'PUBLIC_NOTICE'])[1 + floor(r.rc * 4)::int]
                                as proc,
                              i.promised_limit_wd as promised, i.statutory_limit_wd as statutory,
                              i.acceptance_limit_wd as acceptance, i.review_limit_wd as review,
                              i.decision_limit_wd as decision_limit, i.max_stop_wd as max_stop,
                              case when r.rt < 0.12 then date_trunc('second', now() - r.rd * interval '2 days')
                                   else date_trunc('second', now() - r.rd * 1.05 * i.promised_limit_wd * 1.4
                                     * interval '1 day' - r.rs * interval '1 day') end as sub,
                              case when r.rt >= 0.12 then date_trunc('second', now() - r.rd * 1.05
                                     * i.promised_limit_wd * 1.4 * interval '1 day') end as acc
                            from (
                              select g + %1$d as id, random() as ri, random() as rt, random() as rs, random() as rd,
                                random() as rc
                              from generate_series(1, %2$d) g
                            ) r
                            join bench_items i
                              on i.n = 1 + floor(power(r.ri, 1.4) * (select count(*) from bench_items))::int
                          ) x
                        ) v
                      ) w
                    ) z
                    """).formatted(base, count));
            // "Some due": that many open cases whose next check has just passed when the application starts.
            s.execute("""
                    update approval_case set next_check_at = now() - random() * interval '10 minutes'
                    where id in (select id from approval_case where id > %d and status = 'ACCEPTED' order by id limit %d)
                    """.formatted(base, dueNow));
            events(s, base, true);
            cards(s, base);
            resetSequences(s);
            openCounts(s);
            s.execute("drop table bench_items");
        }
    }

    /** The live view's open cases by department and stage (V8_3), counted again after a load. */
    private static void openCounts(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select to_regclass('approval_open_count') is not null")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return;
            }
        }
        s.execute("delete from approval_open_count");
        s.execute("insert into approval_open_count (department_code, status, cases) select department_code, status,"
                + " count(*) from approval_case where is_open group by department_code, status");
    }

    /** The latest version of every catalogue item, numbered; open cases only of items that are not 即办件. */
    private static void items(Statement s, boolean open) throws SQLException {
        s.execute("drop table if exists bench_items");
        s.execute("create temp table bench_items as select row_number() over (order by i.id) as n, i.* from approval_item i"
                + " where version = (select max(version) from approval_item j where j.item_code = i.item_code)"
                + (open ? " and case_type <> 'IMMEDIATE'" : ""));
        s.execute("create unique index on bench_items (n)");
        s.execute("analyze bench_items");
    }

    /**
     * The events the state of each case implies (ids after {@code base}). Event ids as a department's system sends
     * them: department, case number, sequence.
     */
    private static void events(Statement s, long base, boolean open) throws SQLException {
        s.execute(("""
                insert into approval_event (event_id, case_ref, event_type, occurred_at, received_at, channel, reason,
                  procedure_kind, decision)
                select c.department_code || '-' || c.case_id || '-' || e.k, c.id, e.type, e.at,
                  e.at + interval '3 seconds', coalesce(e.channel, c.submitted_channel), e.reason, e.proc, e.decision
                from approval_case c
                cross join lateral (values
                  (1, 'SUBMITTED', c.submitted_at, null::varchar, null::varchar, null::varchar, null::varchar),
                  (2, 'ACCEPTED', c.accepted_at, null, null, null, null),
                  (3, 'CORRECTION_REQUESTED', case when c.stopped_wd > 0 or c.status = 'CORRECTION'
                     then coalesce(c.stop_since, c.accepted_at + interval '1 day') end,
                     '缺少股东会决议 / The shareholders'' resolution is missing', null, null, null),
                  (4, 'CORRECTION_RECEIVED', case when c.stopped_wd > 0
                     then c.accepted_at + interval '1 day' + c.stopped_wd * 1.4 * interval '1 day' end,
                     null, null, null, null),
                  (5, 'SPECIAL_PROCEDURE_STARTED', case when c.status = 'SPECIAL_PROCEDURE' then c.stop_since end,
                     null, c.open_stops, null, null),
                  (6, 'DECIDED', case when c.case_type <> 'IMMEDIATE' then c.decided_at end,
                     case when c.decision = 'REFUSED' then '申请材料不符合法定条件 / The application does not meet the'
                       || ' statutory conditions' end, null, c.decision, null),
                  (7, 'COMPLETED', c.completed_at, null, null, null, c.completed_channel),
                  (8, 'REFUSED_AT_INTAKE', case when c.status = 'REFUSED_AT_INTAKE' then c.closed_at end,
                     '不属于本机关职权范围 / Not within this authority''s remit', null, null, null),
                  (9, 'WITHDRAWN', case when c.status = 'WITHDRAWN' then c.closed_at end, null, null, null, null)
                ) e(k, type, at, reason, proc, decision, channel)
                where c.id > %d and e.at is not null
                """).formatted(base));
    }

    /** One card per cause each case was carded for, raised when the threshold passed. */
    private static void cards(Statement s, long base) throws SQLException {
        s.execute(("""
                insert into approval_card (case_ref, case_id, department_code, colour, cause, reason, raised_at, status)
                select c.id, c.case_id, c.department_code,
                  case when k.cause like '%%PASSED' then 'RED' else 'YELLOW' end, k.cause,
                  case when k.cause like '%%PASSED' then '超过时限 / Limit passed'
                       else '时限将至或环节超时 / Limit near or stage late' end,
                  least(c.promised_due_at - case when k.cause like '%%PASSED' then interval '0 days'
                    else interval '1 day' end, now()), 'ACTIVE'
                from approval_case c cross join lateral unnest(string_to_array(c.raised_causes, ',')) k(cause)
                where c.id > %d and c.raised_causes is not null
                """).formatted(base));
    }

    private static long nextId(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from approval_case")) {
            rs.next();
            return rs.getLong(1) + 1_000;
        }
    }

    private static void resetSequences(Statement s) throws SQLException {
        for (String table : List.of("approval_case", "approval_event", "approval_card")) {
            s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select coalesce(max(id), 1) from "
                    + table + "))");
        }
    }

    /**
     * Drops the secondary indexes, unique and foreign-key constraints of the approval tables; returns the statements
     * that create them again (uniques and indexes first, foreign keys last).
     */
    private static List<String> dropIndexes(Statement s) throws SQLException {
        List<String> constraints = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid)"
                + " from pg_constraint where contype in ('u', 'f') and (conrelid::regclass::text in (" + TABLES + ")"
                + " or confrelid::regclass::text in (" + TABLES + ")) order by contype")) {
            while (rs.next()) {
                String add = "alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " "
                        + rs.getString(4);
                ("f".equals(rs.getString(3)) ? foreign : constraints).add(add);
                drops.add("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
            }
        }
        List<String> indexes = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select indexname, indexdef from pg_indexes where schemaname = current_schema()"
                + " and tablename in (" + TABLES + ") and indexname not in (select conname from pg_constraint)")) {
            while (rs.next()) {
                indexes.add(rs.getString(2));
                drops.add("drop index " + rs.getString(1));
            }
        }
        for (String drop : drops) {
            s.execute(drop);
        }
        List<String> recreate = new ArrayList<>(constraints);
        recreate.addAll(indexes);
        recreate.addAll(foreign);
        return recreate;
    }
}
