package org.opensupervision.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP load: C connections, each sending its next request when the previous answer arrived, until the
 * duration or the request count is reached. With --rate the requests are paced (steady load for the deadline test).
 * Loopback only: the URL must point at 127.0.0.1 or localhost.
 */
final class HttpLoad {

    private HttpLoad() {
    }

    static void run(Options options) throws Exception {
        URI base = URI.create(options.get("url"));
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        String kind = options.get("kind", "intake");
        int connections = options.intValue("connections", 16);
        long durationNanos = (long) (options.doubleValue("duration", 60) * 1e9);
        long max = options.longValue("max", Long.MAX_VALUE);
        double rate = options.doubleValue("rate", 0);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong issued = new AtomicLong();
        LongAdder ok = new LongAdder();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        long began = System.nanoTime();
        long deadline = began + durationNanos;

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Random random = new Random(31L * c + began);
            Thread thread = new Thread(() -> {
                long n;
                while ((n = issued.getAndIncrement()) < max) {
                    if (rate > 0) {
                        long due = began + (long) (n * 1e9 / rate);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            sleepNanos(wait);
                        }
                    }
                    if (System.nanoTime() >= deadline) {
                        break;
                    }
                    HttpRequest request = request(kind, base, random);
                    long start = System.nanoTime();
                    String outcome;
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        outcome = expected(kind) == response.statusCode() ? null
                                : "status_" + response.statusCode();
                        if (outcome != null && failures.isEmpty()) {
                            System.err.println("first failure: " + response.statusCode() + " " + response.body());
                        }
                    } catch (Exception ex) {
                        outcome = "exception_" + ex.getClass().getSimpleName();
                    }
                    latencies.add((System.nanoTime() - start) / 1000);
                    if (outcome == null) {
                        ok.increment();
                    } else {
                        failures.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                    }
                }
            }, "load-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long errors = failures.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf(Locale.ROOT, "connections=%d%nrequests=%d%nok=%d%nerrors=%d%nseconds=%.1f%nrate_per_s=%.1f%n",
                connections, latencies.count(), ok.sum(), errors, seconds, ok.sum() / seconds);
        new TreeMap<>(failures).forEach((k, v) -> System.out.println("error_" + k + "=" + v.sum()));
        System.out.println(latencies.summary("latency"));
    }

    private static int expected(String kind) {
        return "intake".equals(kind) ? 201 : 200;
    }

    private static HttpRequest request(String kind, URI base, Random random) {
        return switch (kind) {
            case "intake" -> HttpRequest.newBuilder(base.resolve("/api/complaints"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(complaint(random))).build();
            case "engine-start" -> HttpRequest.newBuilder(
                            base.resolve("/engine-rest/process-definition/key/baseline/start"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"businessKey\":\"rest-" + UUID.randomUUID()
                            + "\",\"variables\":{\"subject\":{\"value\":" + Samples.json(Samples.title(random))
                            + ",\"type\":\"String\"}}}")).build();
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    /** One public submission: 30 % anonymous, the others with a name and a phone, half of them an e-mail too. */
    static String complaint(Random random) {
        boolean anonymous = random.nextInt(10) < 3;
        String contact = anonymous ? "" : ",\"contact\":{\"name\":\"张" + (char) ('伟' + random.nextInt(50))
                + "\",\"phone\":\"" + Samples.phone(random) + "\""
                + (random.nextBoolean() ? ",\"email\":\"citizen" + random.nextInt(1_000_000) + "@example.com\"" : "")
                + "}";
        return "{\"departmentCode\":\"" + Samples.department(random) + "\",\"category\":\""
                + Samples.category(random) + "\",\"title\":" + Samples.json(Samples.title(random))
                + ",\"description\":" + Samples.json(Samples.description(random))
                + ",\"approvalCaseNumber\":\"" + Samples.caseNumber(random) + "\",\"incidentDate\":\"2026-03-02\""
                + ",\"anonymous\":" + anonymous + contact + "}";
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
