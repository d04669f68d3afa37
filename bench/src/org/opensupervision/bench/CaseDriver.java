package org.opensupervision.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives open complaints to the end the way staff do, through Camunda's REST API (Tasklist's own path): triage
 * accepted, first feedback given, reply, reply approved; then the complainant's seven days to rate pass (the rating
 * timers are made due), so each case's rating ends as "basically satisfied, defaulted" and nothing of the case is
 * running any more. Used to produce closed complaints whose storage is measured.
 */
final class CaseDriver {

    private static final Pattern TASK_ID = Pattern.compile("\\{\"id\":\"([^\"]+)\"");
    private static final String[][] STEPS = {
        {"Task_Triage", "{\"triageDecision\":{\"value\":\"ACCEPT\"}}"},
        {"Task_FirstFeedback", "{\"firstFeedbackText\":{\"value\":\"已收到您的投诉，正在核查办理情况，将在规定时限内答复。\"}}"},
        {"Task_Handling", "{\"handlingAction\":{\"value\":\"REPLY\"},\"replyText\":{\"value\":"
                + "\"经核查，该申请因材料审核环节积压导致超期，现已办结并向申请人致歉，相关窗口已整改。\"}}"},
        {"Task_ReviewReply", "{\"reviewDecision\":{\"value\":\"APPROVE\"}}"},
    };

    private CaseDriver() {
    }

    static void run(Options options) throws Exception {
        URI base = URI.create(options.get("base"));
        int count = options.intValue("count", 100);
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                options.get("user", "demo:demo").getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(options.intValue("threads", 4));
        long began = System.nanoTime();
        try (Connection connection = Db.connect(options.get("jdbc"))) {
            for (String[] step : STEPS) {
                String key = step[0];
                waitFor(connection, "select count(*) from act_ru_task where task_def_key_ = '" + key + "'", count);
                int completed = 0;
                while (completed < count) {
                    List<String> ids = taskIds(client, base, auth, key, Math.min(200, count - completed));
                    if (ids.isEmpty()) {
                        throw new IllegalStateException("no open " + key + " after " + completed);
                    }
                    List<Future<Integer>> results = new ArrayList<>();
                    for (String id : ids) {
                        results.add(pool.submit(() -> complete(client, base, auth, id, step[1])));
                    }
                    for (Future<Integer> result : results) {
                        int status = result.get();
                        if (status != 204) {
                            throw new IllegalStateException(key + " completion answered " + status);
                        }
                    }
                    completed += ids.size();
                }
                System.err.printf(Locale.ROOT, "%s: %d completed%n", key, completed);
            }
            closeRatings(connection, count);
        } finally {
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "driven=%d%ndrive_seconds=%.1f%n", count, (System.nanoTime() - began) / 1e9);
    }

    /** The seven days to rate pass for every waiting rating; waits until no rating process runs. */
    private static void closeRatings(Connection connection, int count) throws Exception {
        String ratingTimers = "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
                + "where d.act_id_ = 'Event_RatingDue'";
        waitFor(connection, ratingTimers, count);
        int due = Db.update(connection, "update act_ru_job set duedate_ = current_timestamp - interval '1 minute' "
                + "where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = 'Event_RatingDue')");
        String running = "select count(*) from act_ru_execution e join act_re_procdef p on p.id_ = e.proc_def_id_ "
                + "where p.key_ = 'citizen-rating'";
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (Db.scalar(connection, running) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ratings still running: " + running);
            }
            Thread.sleep(500);
        }
        System.err.printf(Locale.ROOT, "ratings: %d rating timers made due, every rating process ended%n", due);
    }

    private static void waitFor(Connection connection, String sql, long target) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (Db.scalar(connection, sql) < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out: " + sql);
            }
            Thread.sleep(500);
        }
    }

    private static List<String> taskIds(HttpClient client, URI base, String auth, String key, int max)
            throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        base.resolve("/engine-rest/task?taskDefinitionKey=" + key + "&firstResult=0&maxResults=" + max))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> ids = new ArrayList<>();
        Matcher m = TASK_ID.matcher(response.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static int complete(HttpClient client, URI base, String auth, String taskId, String variables)
            throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        base.resolve("/engine-rest/task/" + taskId + "/complete"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":" + variables + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            System.err.println("complete " + taskId + ": " + response.statusCode() + " " + response.body());
        }
        return response.statusCode();
    }
}
