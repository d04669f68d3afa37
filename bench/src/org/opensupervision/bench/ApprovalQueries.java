package org.opensupervision.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The approval-case live view and list over HTTP (issue 11), as staff call them: the supervisor (every department)
 * and {@code handler-gd-amr} (its own). Each request 3 times to warm up, then {@code --iterations} times one after the
 * other, in three rounds; p50/p95/max per request and round, and its HTTP status.
 */
final class ApprovalQueries {

    private static final int ROUNDS = 3;

    private ApprovalQueries() {
    }

    static void run(Options options) throws Exception {
        URI base = URI.create(options.get("base"));
        int iterations = options.intValue("iterations", 20);
        String department = options.get("department", "GD-AMR");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String supervisor = QueryLatency.basic("supervisor:supervisor");
        String handler = QueryLatency.basic("handler-" + department.toLowerCase(Locale.ROOT) + ":handler-"
                + department.toLowerCase(Locale.ROOT));
        Map<String, HttpRequest> pages = new LinkedHashMap<>();
        pages.put("dashboard_province", get(base, "/api/approval-dashboard", supervisor));
        pages.put("dashboard_department", get(base, "/api/approval-dashboard?department=" + department, supervisor));
        pages.put("dashboard_department_handler", get(base, "/api/approval-dashboard?department=" + department,
                handler));
        pages.put("list_all", get(base, "/api/approval-cases?page=0&size=20", supervisor));
        pages.put("list_all_page_50", get(base, "/api/approval-cases?page=50&size=20", supervisor));
        pages.put("list_department", get(base, "/api/approval-cases?department=" + department + "&page=0&size=20",
                supervisor));
        pages.put("list_handler", get(base, "/api/approval-cases?page=0&size=20", handler));
        pages.put("list_department_status_special", get(base, "/api/approval-cases?department=" + department
                + "&status=SPECIAL_PROCEDURE&page=0&size=20", supervisor));
        pages.put("list_status_correction", get(base, "/api/approval-cases?status=CORRECTION&page=0&size=20",
                supervisor));
        pages.put("list_overdue", get(base, "/api/approval-cases?overdue=true&page=0&size=20", supervisor));
        pages.put("list_department_overdue", get(base, "/api/approval-cases?department=" + department
                + "&overdue=true&page=0&size=20", supervisor));
        pages.put("list_card_red", get(base, "/api/approval-cases?card=RED&page=0&size=20", supervisor));
        pages.put("list_department_card_yellow", get(base, "/api/approval-cases?department=" + department
                + "&card=YELLOW&page=0&size=20", supervisor));
        pages.put("list_department_card_red_page_10", get(base, "/api/approval-cases?department=" + department
                + "&card=RED&page=10&size=20", supervisor));
        for (int round = 1; round <= ROUNDS; round++) {
            for (var page : pages.entrySet()) {
                QueryLatency.measure(client, "approval_" + page.getKey() + "_round" + round, page.getValue(),
                        iterations);
            }
        }
    }

    private static HttpRequest get(URI base, String path, String auth) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Accept", "application/json").GET().build();
    }
}
