package org.opensupervision.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, one PostgreSQL (Camunda's homogeneous cluster, issue 12): both nodes take complaints and run jobs; the
 * first-feedback clock is shortened by configuration (reminder 12 s, breach 24 s after submission) so the timers fall
 * due during the test; a department handler gives first feedback on some cases through either node while the timers
 * fire; one node is killed with SIGKILL while it is executing timers. Every timer's effect happens exactly once (one
 * reminder mail, none when it ran only after the deadline; one breach with its report), no optimistic-locking failure
 * reaches a user, and the survivor runs the jobs the dead node had taken once their lock runs out.
 */
@Tag("reliability")
class TwoNodeClusterIT {

    private static final Duration START = Duration.ofMinutes(5);
    private static final Pattern LATE_REMINDER = Pattern.compile("No first-feedback reminder for (\\S+) at");
    private static final Pattern TASK_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String HANDLER = "Basic " + Base64.getEncoder()
            .encodeToString("handler-gd-amr:handler-gd-amr".getBytes(StandardCharsets.UTF_8));

    private final Map<Integer, AtomicInteger> staffAnswers = new ConcurrentSkipListMap<>();
    private final List<String> staffFailures = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyTimerFiresOnceNoLockingFailureReachesAUserAndTheSurvivorTakesTheDeadNodesJobs() throws Exception {
        ReliabilityDatabase database = ReliabilityDatabase.fresh("cluster");
        try (ApplicationProcess a = node("cluster-a", database); ApplicationProcess b = node("cluster-b", database)) {
            // The first node creates the schema; the second joins a database that has it, as in a rolling start.
            a.start(START);
            b.start(START);
            AtomicInteger turn = new AtomicInteger();
            List<ApplicationProcess> nodes = List.of(a, b);
            Submissions submissions = new Submissions().start(2, Duration.ofMillis(150),
                    () -> nodes.get(turn.getAndIncrement() % 2).baseUrl());
            ApplicationProcess.pause(Duration.ofSeconds(15));
            submissions.stop();
            Instant lastSubmission = Instant.now();

            // While the reminders fire: first feedback on every third case, through either node, then kill node b.
            awaitAnyReminder(database);
            List<String> cases = List.copyOf(submissions.acknowledged().values());
            List<String> withFeedback = new ArrayList<>();
            for (int i = 0; i < cases.size(); i += 3) {
                withFeedback.add(cases.get(i));
            }
            Thread handler = new Thread(() -> {
                for (int i = 0; i < withFeedback.size(); i++) {
                    giveFirstFeedback(b.isAlive() && i % 2 == 1 ? b : a, a, withFeedback.get(i), database);
                }
            }, "department-handler");
            handler.start();
            // Node b dies while the executors hold jobs (the first moment two are locked, 15 s at the latest).
            Instant killBy = Instant.now().plus(Duration.ofSeconds(15));
            while (Instant.now().isBefore(killBy) && lockedJobs(database).size() < 2) {
                ApplicationProcess.pause(Duration.ofMillis(100));
            }
            Set<String> lockedAtKill = lockedJobs(database);
            b.kill();
            ApplicationProcess.pause(Duration.ofSeconds(4));
            // Locks node a held are gone by now (its jobs ran); those still held are the dead node's.
            Set<String> orphans = lockedAtKill.stream().filter(lockedJobs(database)::contains)
                    .collect(Collectors.toSet());
            System.out.printf("[reliability] cluster: node b killed with %d jobs locked, %d of them still locked "
                    + "4 s later (the dead node's)%n",
                    lockedAtKill.size(), orphans.size());
            handler.join();

            // Every breach falls due 24 s after its submission; the dead node's locks run out 30 s after it took them.
            Instant settled = lastSubmission.plus(Duration.ofSeconds(24)).plus(Duration.ofSeconds(40));
            while (Instant.now().isBefore(settled) || !remaining(database, orphans).isEmpty()
                    && Instant.now().isBefore(settled.plus(Duration.ofSeconds(60)))) {
                ApplicationProcess.pause(Duration.ofSeconds(2));
            }

            Map<String, Long> reminders = perCase(database, """
                    select tracking_number as key, count(*) as n from outbound_mail
                    where notice = 'FIRST_FEEDBACK_REMINDER' group by tracking_number""");
            Map<String, Long> breaches = perCase(database, """
                    select c.tracking_number as key, count(*) as n from deadline_breach d
                    join complaint c on c.id = d.complaint_id where d.kind = 'FIRST_FEEDBACK'
                    group by c.tracking_number""");
            Map<String, Long> breachReports = perCase(database, """
                    select tracking_number as key, count(*) as n from outbound_mail
                    where notice = 'FIRST_FEEDBACK_BREACH' group by tracking_number""");
            List<String> withoutFeedback = cases.stream().filter(c -> !withFeedback.contains(c)).toList();
            long twice = Stream.of(reminders, breaches, breachReports).flatMap(m -> m.values().stream())
                    .filter(n -> n > 1).count();
            // A reminder that runs only once its deadline is due (the dead node's, run by the survivor after its
            // lock ran out, or one the busy executors reached late) is not sent, and the log says so.
            Set<String> lateReminders = new HashSet<>(trackingNumbersInLog("cluster-a", LATE_REMINDER));
            lateReminders.addAll(trackingNumbersInLog("cluster-b", LATE_REMINDER));
            long missing = withoutFeedback.stream().filter(c -> reminders.getOrDefault(c, 0L)
                    != (lateReminders.contains(c) ? 0 : 1)
                    || breaches.getOrDefault(c, 0L) != 1 || breachReports.getOrDefault(c, 0L) != 1).count();
            List<String> notRunBySurvivor = remaining(database, orphans);
            long survivorsRuns = orphans.isEmpty() ? 0 : database.count("""
                    select count(distinct job_id_) from act_hi_job_log
                    where job_id_ = any (?) and hostname_ = 'cluster-a' and job_state_ = 2""",
                    (Object) orphans.toArray(String[]::new));
            // A timer the dead node held can also end without running: the handler's first feedback on its case,
            // given on the survivor after the kill, ends the task and deletes its timers (job log state 3). Such a
            // timer has nothing left to do; it is accounted for, not lost.
            long deletedBySurvivor = orphans.isEmpty() ? 0 : database.count("""
                    select count(distinct job_id_) from act_hi_job_log
                    where job_id_ = any (?) and hostname_ = 'cluster-a' and job_state_ = 3
                    and job_id_ not in (select job_id_ from act_hi_job_log where job_state_ = 2)""",
                    (Object) orphans.toArray(String[]::new));
            long engineLockingFailures = countInLog("cluster-a", "OptimisticLockingException")
                    + countInLog("cluster-b", "OptimisticLockingException");
            long incidents = database.count("select count(*) from act_ru_incident");
            AcknowledgedComplaints intake = AcknowledgedComplaints.check(database, submissions);
            System.out.printf("[reliability] cluster: %d cases (%d with first feedback given during the timers), "
                            + "reminders %d (%d not sent: run after the deadline), breaches %d, breach reports %d, "
                            + "effects twice %d, missing %d; "
                            + "staff answers "
                            + "%s; jobs of the dead node %d, run by the survivor %d, ended with their task %d, left %d; "
                            + "optimistic-locking "
                            + "failures absorbed by the job executors (log lines) %d; incidents %d; intake: %s%n",
                    cases.size(), withFeedback.size(), sum(reminders), lateReminders.size(), sum(breaches),
                    sum(breachReports), twice,
                    missing, staffAnswers, orphans.size(), survivorsRuns, deletedBySurvivor, notRunBySurvivor.size(),
                    engineLockingFailures, incidents, intake);

            assertThat(submissions.unexpectedAnswers()).as("public API answers other than 201").isEmpty();
            assertThat(staffFailures).as("answers of the handler's first feedback other than 204").isEmpty();
            assertThat(twice).as("timer effects that happened twice").isZero();
            assertThat(missing).as("cases without exactly one reminder (none when it ran after the deadline), one "
                    + "breach and one breach report")
                    .isZero();
            assertThat(notRunBySurvivor).as("jobs of the dead node still waiting").isEmpty();
            assertThat(survivorsRuns + deletedBySurvivor)
                    .as("jobs of the dead node run by the survivor, or ended there with their task")
                    .isEqualTo(orphans.size());
            assertThat(incidents).isZero();
            assertThat(intake.lost()).isZero();
            assertThat(intake.duplicates()).isZero();
        }
    }

    private static ApplicationProcess node(String name, ReliabilityDatabase database) {
        Map<String, String> properties = new LinkedHashMap<>(database.applicationProperties(database.url()));
        properties.put("supervision.first-feedback.deadline", "PT24S");
        properties.put("supervision.first-feedback.reminder-before", "PT12S");
        // Names the node in Camunda's job log (ACT_HI_JOB_LOG.HOSTNAME_), so the test sees who ran a job; the job log
        // keeps only failures unless asked (audit.CamundaHistoryWriter).
        properties.put("camunda.bpm.generic-properties.properties.hostname", name);
        properties.put("supervision.audit.camunda-history.job-runs", "true");
        // Which reminders were late, case by case (LATE_REMINDER): INFO tells only how many.
        properties.put("logging.level.org.opensupervision.handling.process.SendFirstFeedbackReminder", "DEBUG");
        return ApplicationProcess.configured(name, properties);
    }

    /**
     * The handler's first feedback through {@code node}; when that node dies under the request, the handler sends it
     * again through {@code survivor}, as a browser would after the load balancer moved it.
     */
    private void giveFirstFeedback(ApplicationProcess node, ApplicationProcess survivor, String trackingNumber,
                                   ReliabilityDatabase database) {
        try {
            giveFirstFeedback(node, trackingNumber);
        } catch (IOException lostWithTheNode) {
            staffAnswers.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
            boolean committed = database.count("select count(*) from complaint where tracking_number = ? "
                    + "and first_feedback_at is not null", trackingNumber) == 1;
            if (!committed) {
                try {
                    giveFirstFeedback(survivor, trackingNumber);
                } catch (IOException | InterruptedException ex) {
                    staffFailures.add("first feedback on " + trackingNumber + " through the survivor: " + ex);
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void giveFirstFeedback(ApplicationProcess node, String trackingNumber)
            throws IOException, InterruptedException {
        HttpResponse<String> tasks = send(node, HttpRequest.newBuilder(URI.create(node.baseUrl()
                + "/engine-rest/task?taskDefinitionKey=Task_FirstFeedback&processInstanceBusinessKey="
                + trackingNumber)).GET());
        Matcher id = TASK_ID.matcher(tasks.body());
        if (tasks.statusCode() != 200 || !id.find()) {
            staffFailures.add("task of " + trackingNumber + ": " + tasks.statusCode() + " " + tasks.body());
            return;
        }
        HttpResponse<String> done = send(node, HttpRequest.newBuilder(URI.create(node.baseUrl()
                        + "/engine-rest/task/" + id.group(1) + "/submit-form"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"variables":{"firstFeedbackText":
                          {"value":"已收到您的投诉，正在核实办理。We are on it.","type":"String"}}}""")));
        staffAnswers.computeIfAbsent(done.statusCode(), s -> new AtomicInteger()).incrementAndGet();
        if (done.statusCode() != 204) {
            staffFailures.add("first feedback on " + trackingNumber + ": " + done.statusCode() + " " + done.body());
        }
    }

    private static HttpResponse<String> send(ApplicationProcess node, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return ApplicationProcess.HttpClients.PLAIN.send(request.header("Authorization", HANDLER)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitAnyReminder(ReliabilityDatabase database) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline) && database.count(
                "select count(*) from outbound_mail where notice = 'FIRST_FEEDBACK_REMINDER'") == 0) {
            ApplicationProcess.pause(Duration.ofMillis(500));
        }
    }

    private static Set<String> lockedJobs(ReliabilityDatabase database) {
        return database.rows("select id_ from act_ru_job where lock_owner_ is not null").stream()
                .map(row -> (String) row.get("id_")).collect(Collectors.toSet());
    }

    private static List<String> remaining(ReliabilityDatabase database, Set<String> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        return database.rows("select id_ from act_ru_job where id_ = any (?)", (Object) jobs.toArray(String[]::new))
                .stream().map(row -> (String) row.get("id_")).toList();
    }

    private static Map<String, Long> perCase(ReliabilityDatabase database, String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        database.rows(sql).forEach(row -> counts.put((String) row.get("key"), ((Number) row.get("n")).longValue()));
        return counts;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Set<String> trackingNumbersInLog(String node, Pattern line) throws IOException {
        try (Stream<Path> logs = Files.list(Path.of("target", "reliability"))) {
            List<Path> files = logs.filter(p -> p.getFileName().toString().startsWith(node + "-")).toList();
            Set<String> found = new HashSet<>();
            for (Path file : files) {
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.map(line::matcher).filter(Matcher::find).forEach(m -> found.add(m.group(1)));
                }
            }
            return found;
        }
    }

    private static long countInLog(String node, String text) throws IOException {
        try (Stream<Path> logs = Files.list(Path.of("target", "reliability"))) {
            List<Path> files = logs.filter(p -> p.getFileName().toString().startsWith(node + "-")).toList();
            long count = 0;
            for (Path file : files) {
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    count += lines.filter(line -> line.contains(text)).count();
                }
            }
            return count;
        }
    }
}
