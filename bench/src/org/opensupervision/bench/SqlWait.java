package org.opensupervision.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Waits until SQL conditions hold and reports when each first held. With --mark-sql, first runs that statement (it
 * makes timers due) and times from its commit.
 *
 * <p>Conditions: --until "label|select ... |target" (repeatable as --until, --until2, ...); a condition holds when the
 * query's value is at least (or, with target prefixed by '&lt;=', at most) the target. "?" in the query binds the
 * current time, as Camunda's acquisition binds it. With --own-reads, the rows the polls themselves read per table
 * (pg_stat_xact_user_tables) are printed at the end, to be told from the application's.
 *
 * <p>With --lean true the polls cost little whatever the database's size: no parallel workers (their reads are not in
 * this backend's pg_stat_xact_user_tables, so they counted as the application's, and each took a core of its own), a
 * condition that held is not asked again, and the pause after a poll is at least three times as long as the poll
 * (250 ms at least), so the polls take at most a quarter of one core. On a database of 32,000 complaints (190,000 jobs)
 * the timer conditions' generic plan read the whole job table in a parallel sequential scan, twice every 250 ms: about
 * one of the machine's two cores all through the burst (issue 17, helper "timers").
 */
final class SqlWait {

    private SqlWait() {
    }

    static void run(Options options) throws Exception {
        List<String[]> conditions = new ArrayList<>();
        for (String key : new String[] {"until", "until2", "until3", "until4", "until5"}) {
            String value = options.get(key, null);
            if (value != null) {
                conditions.add(value.split("\\|"));
            }
        }
        double timeout = options.doubleValue("timeout", 600);
        try (Connection connection = Db.connect(options.get("jdbc"))) {
            String mark = options.get("mark-sql", null);
            long began = System.nanoTime();
            if (mark != null) {
                int marked = Db.update(connection, mark, binds(mark));
                System.out.println("marked=" + marked);
                began = System.nanoTime();
            }
            boolean ownReads = Boolean.parseBoolean(options.get("own-reads", "false"));
            boolean lean = Boolean.parseBoolean(options.get("lean", "false"));
            if (lean) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set max_parallel_workers_per_gather = 0");
                }
            }
            Map<String, long[]> reads = new TreeMap<>();
            boolean[] done = new boolean[conditions.size()];
            int remaining = conditions.size();
            long lastReport = 0;
            while (remaining > 0) {
                long pollStarted = System.nanoTime();
                double elapsed = (pollStarted - began) / 1e9;
                StringBuilder progress = new StringBuilder(String.format(Locale.ROOT, "t=%.0fs", elapsed));
                Map<String, long[]> pending = Map.of();
                if (ownReads) {
                    // The backend flushes its counts at most once a second, so pg_stat_xact_user_tables can still hold
                    // those of earlier polls: this poll's reads are the difference within its own transaction.
                    connection.setAutoCommit(false);
                    pending = pendingReads(connection);
                }
                for (int i = 0; i < conditions.size(); i++) {
                    String[] c = conditions.get(i);
                    if (lean && done[i]) {
                        continue;
                    }
                    long value = Db.scalar(connection, c[1], binds(c[1]));
                    progress.append(' ').append(c[0]).append('=').append(value);
                    if (!done[i] && holds(value, c[2])) {
                        done[i] = true;
                        remaining--;
                        System.out.printf(Locale.ROOT, "%s_seconds=%.1f%n", c[0], elapsed);
                    }
                }
                if (ownReads) {
                    Map<String, long[]> before = pending;
                    pendingReads(connection).forEach((table, after) -> {
                        long[] was = before.getOrDefault(table, new long[4]);
                        long[] sum = reads.computeIfAbsent(table, k -> new long[4]);
                        for (int i = 0; i < 4; i++) {
                            sum[i] += after[i] - was[i];
                        }
                    });
                    connection.commit();
                    connection.setAutoCommit(true);
                }
                if (System.nanoTime() - lastReport > 10e9) {
                    System.err.println(progress);
                    lastReport = System.nanoTime();
                }
                if (remaining == 0 || elapsed > timeout) {
                    reads.forEach((table, r) -> System.out.printf(Locale.ROOT,
                            "poll_reads_%s=scans %d rows_read %d seq_scans %d seq_rows_read %d%n", table, r[0], r[1],
                            r[2], r[3]));
                }
                if (elapsed > timeout) {
                    for (int i = 0; i < conditions.size(); i++) {
                        if (!done[i]) {
                            System.out.printf(Locale.ROOT, "%s_seconds=TIMEOUT(%.0f)%n", conditions.get(i)[0],
                                    timeout);
                        }
                    }
                    return;
                }
                long polled = (System.nanoTime() - pollStarted) / 1_000_000;
                Thread.sleep(lean ? Math.max(250, 3 * polled) : 250);
            }
        }
    }

    /**
     * The scans and rows this backend read per table and has not reported yet (scans, rows, sequential scans, their
     * rows), so a caller can tell the application's reads from the wait's own (--own-reads; printed as
     * poll_reads_&lt;table&gt; when the wait ends).
     */
    private static Map<String, long[]> pendingReads(Connection connection) throws SQLException {
        Map<String, long[]> reads = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0),"
                     + " coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0), coalesce(seq_scan, 0),"
                     + " coalesce(seq_tup_read, 0) from pg_stat_xact_user_tables"
                     + " where coalesce(seq_scan, 0) + coalesce(idx_scan, 0) > 0")) {
            while (rs.next()) {
                long[] r = reads.computeIfAbsent(rs.getString(1), k -> new long[4]);
                for (int i = 0; i < 4; i++) {
                    r[i] += rs.getLong(i + 2);
                }
            }
        }
        return reads;
    }

    private static boolean holds(long value, String target) {
        return target.startsWith("<=") ? value <= Long.parseLong(target.substring(2))
                : value >= Long.parseLong(target);
    }

    private static Object[] binds(String sql) {
        int n = (int) sql.chars().filter(ch -> ch == '?').count();
        Object[] params = new Object[n];
        java.util.Arrays.fill(params, Db.NOW);
        return params;
    }
}
