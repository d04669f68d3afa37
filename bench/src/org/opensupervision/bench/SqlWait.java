package org.opensupervision.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Waits until SQL conditions hold and reports when each first held. With --mark-sql, first runs that statement (it
 * makes timers due) and times from its commit.
 *
 * <p>Conditions: --until "label|select ... |target" (repeatable as --until, --until2, ...); a condition holds when the
 * query's value is at least (or, with target prefixed by '&lt;=', at most) the target. "?" in the query binds the
 * current time, as Camunda's acquisition binds it.
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
            boolean[] done = new boolean[conditions.size()];
            int remaining = conditions.size();
            long lastReport = 0;
            while (remaining > 0) {
                double elapsed = (System.nanoTime() - began) / 1e9;
                StringBuilder progress = new StringBuilder(String.format(Locale.ROOT, "t=%.0fs", elapsed));
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
                if (System.nanoTime() - lastReport > 10e9) {
                    System.err.println(progress);
                    lastReport = System.nanoTime();
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
