package org.opensupervision.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figure 4: the staff lists, the department dashboard and the KPI month over HTTP, as staff call them (HTTP Basic;
 * the supervisor sees every department, {@code handler-gd-amr} its own). Each request runs 3 times to warm up, then
 * --iterations times one after the other, in three rounds; p50/p95/max per request and round, and its HTTP status.
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
        pages.put("department_dashboard", get(base, "/api/departments/GD-AMR/dashboard", handler));
        pages.put("kpi_month_all_departments", get(base, "/api/kpi/months/" + YearMonth.from(month), supervisor));
        for (int round = 1; round <= ROUNDS; round++) {
            for (var page : pages.entrySet()) {
                measure(client, page.getKey() + "_round" + round, page.getValue(), iterations);
            }
        }
    }

    /**
     * Sends a request 3 times to warm up, then {@code iterations} times, and prints its p50, p95 and max (and its
     * status) under {@code name}.
     */
    static void measure(HttpClient client, String name, HttpRequest request, int iterations) throws Exception {
        Latencies latencies = new Latencies();
        int status = 0;
        for (int i = 0; i < iterations + 3; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (i >= 3) {
                latencies.add((System.nanoTime() - start) / 1000);
            }
        }
        report(name, latencies, status);
    }

    private static void report(String name, Latencies latencies, int status) {
        System.out.printf(java.util.Locale.ROOT, "%s_p50_ms=%.1f%n%s_p95_ms=%.1f%n%s_max_ms=%.1f%n%s", name,
                latencies.percentileMillis(50), name, latencies.percentileMillis(95), name,
                latencies.percentileMillis(100), status == 0 ? "" : name + "_status=" + status + "\n");
    }

    static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest get(URI base, String path, String auth) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Accept", path.startsWith("/api") ? "application/json"
                        : "text/html").GET().build();
    }
}
