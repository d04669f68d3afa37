package org.opensupervision.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figure 4: staff lists over HTTP as staff call them, and the SQL a department dashboard and a monthly KPI page need
 * (those pages do not exist yet; the queries are what they would run on our tables). Each query runs 3 times to
 * warm up, then --iterations times one after the other, in three rounds; p50/p95/max per query and round.
 */
final class QueryLatency {

    /** Three rounds one after the other: each figure is the median of three p95 values, with their min-max. */
    private static final int ROUNDS = 3;

    private QueryLatency() {
    }

    static void run(Options options) throws Exception {
        URI base = URI.create(options.get("base"));
        int iterations = options.intValue("iterations", 40);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String supervisor = basic("supervisor:supervisor");
        String handler = basic("handler-gd-amr:handler-gd-amr");
        LocalDate month = LocalDate.now(ZoneId.of("Asia/Shanghai")).withDayOfMonth(1).minusMonths(1);
        Map<String, HttpRequest> pages = new LinkedHashMap<>();
        pages.put("list_all_newest", get(base, "/api/complaints?page=0&size=20&sort=submittedAt,desc", supervisor));
        pages.put("list_all_page_50", get(base, "/api/complaints?page=50&size=20&sort=submittedAt,desc", supervisor));
        pages.put("list_department_handler", get(base, "/api/complaints?page=0&size=20&sort=submittedAt,desc",
                handler));
        pages.put("list_filtered_month_closed", get(base, "/api/complaints?status=CLOSED&department=GD-AMR&from="
                + month + "&to=" + month.plusMonths(1).minusDays(1) + "&page=0&size=20", supervisor));
        pages.put("list_overdue", get(base, "/api/complaints?overdue=true&page=0&size=20", supervisor));
        pages.put("list_search_title", get(base, "/api/complaints?q=" + java.net.URLEncoder.encode("排污许可",
                StandardCharsets.UTF_8) + "&page=0&size=20", supervisor));
        pages.put("page_staff_list_html", get(base, "/staff/complaints", supervisor));
        for (int round = 1; round <= ROUNDS; round++) {
            for (var page : pages.entrySet()) {
                Latencies latencies = new Latencies();
                int status = 0;
                for (int i = 0; i < iterations + 3; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = client.send(page.getValue(),
                            HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    if (i >= 3) {
                        latencies.add((System.nanoTime() - start) / 1000);
                    }
                }
                report(page.getKey() + "_round" + round, latencies, status);
            }
        }
        Timestamp from = Timestamp.from(month.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("sql_department_dashboard_status", "select status, count(*), "
                + "count(*) filter (where first_feedback_breached_at is not null), "
                + "count(*) filter (where handling_breached_at is not null) "
                + "from complaint where handling_department_code = 'GD-AMR' group by status");
        queries.put("sql_department_dashboard_breaches_month", "select kind, count(*) from deadline_breach "
                + "where department_code = 'GD-AMR' and recorded_at >= ? and recorded_at < ? group by kind");
        queries.put("sql_kpi_month_all_departments", "select handling_department_code, count(*) as received, "
                + "count(*) filter (where first_feedback_at <= first_feedback_due_at) as feedback_on_time, "
                + "count(*) filter (where closed_at is not null) as closed, "
                + "count(*) filter (where closed_at is not null and handling_breached_at is null) as closed_on_time, "
                + "count(*) filter (where rework_count > 0) as reworked, "
                + "avg(extract(epoch from replied_at - handling_started_at)) as avg_handling_seconds "
                + "from complaint where submitted_at >= ? and submitted_at < ? group by handling_department_code");
        try (Connection connection = Db.connect(options.get("jdbc"))) {
            for (int round = 1; round <= ROUNDS; round++) {
            for (var query : queries.entrySet()) {
                Latencies latencies = new Latencies();
                for (int i = 0; i < iterations + 3; i++) {
                    long start = System.nanoTime();
                    try (PreparedStatement statement = connection.prepareStatement(query.getValue())) {
                        if (query.getValue().contains("?")) {
                            statement.setTimestamp(1, from);
                            statement.setTimestamp(2, to);
                        }
                        try (ResultSet rs = statement.executeQuery()) {
                            while (rs.next()) {
                                rs.getObject(1);
                            }
                        }
                    }
                    if (i >= 3) {
                        latencies.add((System.nanoTime() - start) / 1000);
                    }
                }
                report(query.getKey() + "_round" + round, latencies, 0);
            }
            }
        }
    }

    private static void report(String name, Latencies latencies, int status) {
        System.out.printf(java.util.Locale.ROOT, "%s_p50_ms=%.1f%n%s_p95_ms=%.1f%n%s_max_ms=%.1f%n%s", name,
                latencies.percentileMillis(50), name, latencies.percentileMillis(95), name,
                latencies.percentileMillis(100), status == 0 ? "" : name + "_status=" + status + "\n");
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest get(URI base, String path, String auth) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Accept", path.startsWith("/api") ? "application/json"
                        : "text/html").GET().build();
    }
}
