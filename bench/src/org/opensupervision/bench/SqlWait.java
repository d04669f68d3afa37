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
            Map<String, long[]> reads = new TreeMap<>();
            boolean[] done = new boolean[conditions.size()];
            int remaining = conditions.size();
            long lastReport = 0;
            while (remaining > 0) {
                double elapsed = (System.nanoTime() - began) / 1e9;
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
                Thread.sleep(250);
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
