package org.opensupervision.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Steady complaint submissions through the public API, as citizens' browsers and department systems send them: each
 * with its own {@code Idempotency-Key}, each answer recorded. A request that got no answer (connection refused or
 * reset, timeout) or a 503 is "unanswered": the client does not know whether it was stored, and retries it later
 * with the same key and the same body ({@link #retryUnanswered}).
 */
final class Submissions {

    private static final Pattern TRACKING_NUMBER = Pattern.compile("\"trackingNumber\"\\s*:\\s*\"([^\"]+)\"");

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger sequence = new AtomicInteger();
    /** Idempotency key → the request's body, for every request sent. */
    private final Map<String, String> bodies = new ConcurrentSkipListMap<>();
    /** Idempotency key → tracking number, for every 201. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** HTTP status (or -1 for no answer) → how many answers. */
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
    /** Bodies of answers other than 201 and 503, kept for the test's message. */
    private final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code clients} threads, each sending one complaint, then pausing {@code pause}, to the next target. */
    Submissions start(int clients, Duration pause, Supplier<String> target) {
        running.set(true);
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    // A client that got no answer waits a little before its next complaint, as a person would.
                    boolean answered = submitNew(target.get()).isPresent();
                    ApplicationProcess.pause(answered ? pause : Duration.ofSeconds(1));
                }
            }, "submitter-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return this;
    }

    /** Stops the threads after their current request. */
    void stop() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(70).toMillis());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    /** Sends one new complaint now and returns its tracking number if it was acknowledged. */
    Optional<String> submitNew(String baseUrl) {
        String key = runId + "-" + sequence.incrementAndGet();
        String body = """
                {"departmentCode":"GD-AMR","category":"SLOW_ACTION","title":"可靠性测试 reliability %s",
                 "description":"Submitted by the reliability test, request %s.","anonymous":true}"""
                .formatted(key, key);
        bodies.put(key, body);
        return send(baseUrl, key, body);
    }

    /**
     * Sends every request that has no 201 yet again, same key, same body, until each has one (each at most
     * {@code attempts} times).
     *
     * @return how many were retried
     */
    int retryUnanswered(String baseUrl, int attempts) {
        List<String> open = bodies.keySet().stream().filter(k -> !acknowledged.containsKey(k)).toList();
        for (String key : open) {
            for (int attempt = 0; attempt < attempts && !acknowledged.containsKey(key); attempt++) {
                if (send(baseUrl, key, bodies.get(key)).isEmpty()) {
                    ApplicationProcess.pause(Duration.ofSeconds(1));
                }
            }
        }
        return open.size();
    }

    private Optional<String> send(String baseUrl, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/complaints"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Accept-Language", "en").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = ApplicationProcess.HttpClients.PLAIN.send(request,
                    HttpResponse.BodyHandlers.ofString());
            count(response.statusCode());
            if (response.statusCode() == 201) {
                Matcher matcher = TRACKING_NUMBER.matcher(response.body());
                if (!matcher.find()) {
                    throw new IllegalStateException("201 without a tracking number: " + response.body());
                }
                String earlier = acknowledged.putIfAbsent(key, matcher.group(1));
                if (earlier != null && !earlier.equals(matcher.group(1))) {
                    unexpected.add("key " + key + " answered with two tracking numbers: " + earlier + ", "
                            + matcher.group(1));
                }
                return Optional.of(matcher.group(1));
            }
            if (response.statusCode() == 503) {
                boolean problem = response.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json");
                if (!problem || response.headers().firstValue("Retry-After").isEmpty()
                        || response.body().contains("Exception") || response.body().contains("\tat ")) {
                    unexpected.add("503 without problem details or Retry-After, or with a stack trace: "
                            + response.headers().map()
                            + " " + response.body());
                }
            } else {
                unexpected.add(response.statusCode() + " " + response.body());
            }
        } catch (IOException ex) {
            count(-1);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private void count(int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    /** Key → tracking number of every acknowledged (201) request. */
    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    int sent() {
        return bodies.size();
    }

    int answersWith(int status) {
        AtomicInteger count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    Map<Integer, AtomicInteger> statuses() {
        return statuses;
    }

    List<String> unexpectedAnswers() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    /** The marker every complaint of this run carries in its description. */
    String runMarker() {
        return "request " + runId + "-";
    }
}
