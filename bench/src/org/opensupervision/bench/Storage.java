package org.opensupervision.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Bytes on disk per table group after VACUUM FULL (live rows only, indexes and TOAST included; "total_without_maps"
 * leaves out the free-space and visibility maps, "maps" is their part of "total"), and the rows of each
 * Camunda history and runtime table and of the audit trail. With --before (a file written by an earlier call with
 * --save) and --count, prints the growth per case (KB, and rows).
 */
final class Storage {

    private Storage() {
    }

    static void run(Options options) throws Exception {
        Map<String, Long> groups = new TreeMap<>();
        try (Connection connection = Db.connect(options.get("jdbc")); Statement statement = connection.createStatement()) {
            statement.execute("vacuum full");
            statement.execute("analyze");
            // The free-space and visibility maps of a table, its TOAST table and their indexes: VACUUM FULL drops
            // them, the next plain VACUUM (the benchmark's maintenance, every 60 s) writes them again, 8-24 KB a
            // relation whatever its size. Whether that VACUUM ran between the VACUUM FULL above and this query moved
            // the per-case figure over 300 cases by up to a kilobyte; they are reported apart ("maps").
            try (ResultSet rs = statement.executeQuery("select c.relname, pg_total_relation_size(c.oid), "
                    + "(select coalesce(sum(pg_relation_size(r.oid, 'fsm') + pg_relation_size(r.oid, 'vm')), 0) "
                    + "from pg_class r where r.oid in (c.oid, c.reltoastrelid) or r.oid in "
                    + "(select i.indexrelid from pg_index i where i.indrelid in (c.oid, c.reltoastrelid))) "
                    + "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where c.relkind = 'r' and n.nspname = 'public'")) {
                while (rs.next()) {
                    String table = rs.getString(1).toLowerCase(Locale.ROOT);
                    groups.merge(group(table), rs.getLong(2), Long::sum);
                    groups.merge("maps", rs.getLong(3), Long::sum);
                    if (table.startsWith("act_hi_") || table.startsWith("act_ru_") || table.startsWith("act_ge_")
                            || table.startsWith("audit_")) {
                        groups.merge("table_" + table, rs.getLong(2), Long::sum);
                    }
                }
            }
            for (String table : new java.util.ArrayList<>(groups.keySet())) {
                if (table.startsWith("table_")) {
                    String name = table.substring("table_".length());
                    try (ResultSet rs = statement.executeQuery("select count(*) from " + name)) {
                        rs.next();
                        groups.put("rows_" + name, rs.getLong(1));
                    }
                }
            }
        }
        long total = groups.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("table_") && !e.getKey().startsWith("rows_")
                        && !e.getKey().equals("maps"))
                .mapToLong(Map.Entry::getValue).sum();
        groups.put("total", total);
        // The rows, indexes and TOAST alone: what the cases occupy, whenever the maintenance last ran.
        groups.put("total_without_maps", total - groups.getOrDefault("maps", 0L));
        String save = options.get("save", null);
        if (save != null) {
            Properties properties = new Properties();
            groups.forEach((k, v) -> properties.setProperty(k, Long.toString(v)));
            try (var out = Files.newBufferedWriter(Path.of(save))) {
                properties.store(out, "storage after vacuum full");
            }
        }
        String before = options.get("before", null);
        if (before == null) {
            groups.forEach((k, v) -> System.out.println("bytes_" + k + "=" + v));
            return;
        }
        Properties earlier = load(before);
        long count = options.longValue("count", 1);
        groups.forEach((k, v) -> {
            long growth = v - Long.parseLong(earlier.getProperty(k, "0"));
            if (k.startsWith("rows_")) {
                System.out.printf(Locale.ROOT, "%s_per_case=%.1f%n", k, growth / (double) count);
            } else {
                System.out.printf(Locale.ROOT, "kb_per_case_%s=%.1f%n", k, growth / 1024.0 / count);
            }
        });
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of(file))) {
            properties.load(in);
        }
        return properties;
    }

    private static String group(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        if (t.startsWith("act_hi_")) {
            return "camunda_history";
        }
        if (t.equals("act_ge_bytearray")) {
            return "camunda_bytearray";
        }
        if (t.startsWith("act_ru_")) {
            return "camunda_runtime";
        }
        if (t.startsWith("act_")) {
            return "camunda_other";
        }
        if (t.startsWith("audit_")) {
            return "app_audit";
        }
        return "app_" + t;
    }
}
