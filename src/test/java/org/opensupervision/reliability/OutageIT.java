package org.opensupervision.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Outages of what the application depends on (issue 12), one application process for both: PostgreSQL gone for 30 s
 * under load (a TCP proxy between the application and the shared PostgreSQL server is cut: see docs/reliability.md
 * for why not a stopped server), then the SMTP server gone while mails are due. The application is never restarted.
 */
@Tag("reliability")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageIT {

    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(30);
    private static final int MAIL_ATTEMPTS = 5;

    private ReliabilityDatabase database;
    private TcpProxy proxy;
    private int smtpPort;
    private GreenMail smtp;
    private ApplicationProcess app;

    @BeforeAll
    void startTheApplicationBehindAProxyWithAnSmtpServer() {
        database = ReliabilityDatabase.fresh("outage");
        proxy = new TcpProxy(database.host(), database.port());
        smtpPort = ApplicationProcess.freePort();
        smtp = startSmtp();
        Map<String, String> properties = new LinkedHashMap<>(database.applicationProperties(
                database.urlThrough(proxy)));
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(smtpPort));
        // A reminder 6 s and a breach 12 s after submission: mails fall due during the test.
        properties.put("supervision.first-feedback.deadline", "PT12S");
        properties.put("supervision.first-feedback.reminder-before", "PT6S");
        // The dispatcher's schedule, shortened from minutes to seconds: retries after 1 s, then every 2 s.
        properties.put("supervision.mail.dispatch.interval", "PT1S");
        properties.put("supervision.mail.dispatch.first-retry", "PT1S");
        properties.put("supervision.mail.dispatch.max-retry", "PT2S");
        properties.put("supervision.mail.dispatch.max-attempts", String.valueOf(MAIL_ATTEMPTS));
        app = ApplicationProcess.configured("outage", properties).start(Duration.ofMinutes(5));
    }

    @AfterAll
    void stopEverything() {
        if (app != null) {
            app.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @Order(1)
    void aDatabaseOutageIsAnswered503WithRetryAfterAndLosesNothingAcknowledged() {
        Map<Integer, Integer> health = new LinkedHashMap<>();
        List<String> healthTimeline = new ArrayList<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            int last = 0;
            while (watching.get()) {
                int status = app.healthStatus();
                health.merge(status, 1, Integer::sum);
                if (status != last) {
                    healthTimeline.add(Instant.now() + " " + status);
                    last = status;
                }
                ApplicationProcess.pause(Duration.ofSeconds(1));
            }
        }, "health-watcher");
        watcher.setDaemon(true);
        watcher.start();

        Submissions submissions = new Submissions().start(2, Duration.ofMillis(100), app::baseUrl);
        ApplicationProcess.pause(Duration.ofSeconds(5));
        Instant cut = Instant.now();
        proxy.cut();
        System.out.printf("[reliability] outage: database cut at %s after %d acknowledged%n", cut,
                submissions.acknowledged().size());
        ApplicationProcess.pause(DATABASE_OUTAGE);
        proxy.restore();
        System.out.printf("[reliability] outage: database back at %s%n", Instant.now());
        boolean up = await(Duration.ofSeconds(60), () -> app.healthStatus() == 200);
        Duration recovery = Duration.between(cut.plus(DATABASE_OUTAGE), Instant.now());
        ApplicationProcess.pause(Duration.ofSeconds(5));
        submissions.stop();
        watching.set(false);
        int retried = submissions.retryUnanswered(app.baseUrl(), 5);

        AcknowledgedComplaints result = AcknowledgedComplaints.awaitRouted(database, submissions,
                Duration.ofSeconds(60));
        long incidents = database.count("select count(*) from act_ru_incident");
        System.out.printf("[reliability] outage: %d requests, answers %s, %d retried after the outage (same key); "
                        + "health %s (changes: %s), UP again %d s after the database came back; %s; incidents %d%n",
                submissions.sent(), submissions.statuses(), retried, health, healthTimeline, recovery.toSeconds(),
                result, incidents);

        assertThat(submissions.unexpectedAnswers()).as("500s, stack traces, 503s without Retry-After").isEmpty();
        assertThat(submissions.answersWith(503)).as("503 answers during the outage").isPositive();
        assertThat(health).as("health DOWN during the outage").containsKey(503);
        assertThat(up).as("health UP again without a restart").isTrue();
        assertThat(app.isAlive()).isTrue();
        assertThat(result.acknowledged()).as("every request acknowledged after its retries")
                .isEqualTo(submissions.sent());
        assertThat(result.lost()).as("acknowledged but lost").isZero();
        assertThat(result.duplicates()).as("stored twice").isZero();
        assertThat(result.withoutProcess()).isZero();
        assertThat(result.withoutAudit()).isZero();
        assertThat(result.unrouted()).as("complaints never started or routed").isZero();
        assertThat(incidents).as("incidents").isZero();
    }

    @Test
    @Order(2)
    void mailsAreRetriedWhileSmtpIsDownFailedWhenAttemptsRunOutAndSentOnceWhenItIsBack() {
        smtp.stop();
        Submissions exhausted = new Submissions();
        List<String> exhaustedCases = submit(exhausted, 3);
        // Each case writes a reminder (after 6 s) and a breach report (after 12 s): six mails, none can be sent.
        boolean allFailed = await(Duration.ofSeconds(120),
                () -> countMails(exhaustedCases, "delivery = 'FAILED'") == 2L * exhaustedCases.size());
        List<Map<String, Object>> failed = mails(exhaustedCases);

        Submissions delayed = new Submissions();
        List<String> delayedCases = submit(delayed, 3);
        boolean retried = await(Duration.ofSeconds(60), () -> countMails(delayedCases,
                "notice = 'FIRST_FEEDBACK_REMINDER' and attempts >= 2") == delayedCases.size());
        smtp = startSmtp();
        boolean allSent = await(Duration.ofSeconds(60),
                () -> countMails(delayedCases, "delivery = 'SMTP'") == 2L * delayedCases.size());
        ApplicationProcess.pause(Duration.ofSeconds(3));
        List<Map<String, Object>> sent = mails(delayedCases);
        Map<String, Integer> sends = sendsPerMail(delayedCases);
        Map<String, Integer> sendsOfFailed = sendsPerMail(exhaustedCases);
        System.out.printf("[reliability] smtp outage: %d mails FAILED after %d attempts each (%s); %d mails retried "
                        + "while down, then sent: attempts %s, sends per mail %s; FAILED mails sent after the return: "
                        + "%d%n", failed.size(), MAIL_ATTEMPTS,
                failed.stream().map(m -> m.get("attempts")).toList(), sent.size(),
                sent.stream().map(m -> m.get("attempts")).toList(), sends.values(), sendsOfFailed.size());

        assertThat(allFailed).as("every mail FAILED after its last attempt: " + failed).isTrue();
        assertThat(failed).allSatisfy(mail -> {
            assertThat(mail.get("attempts")).isEqualTo(MAIL_ATTEMPTS);
            assertThat(mail.get("last_error")).isNotNull();
            assertThat(mail.get("sent_at")).isNull();
        });
        assertThat(retried).as("reminders retried while SMTP was down").isTrue();
        assertThat(allSent).as("every delayed mail sent once SMTP was back: " + sent).isTrue();
        assertThat(sends).as("SMTP sends per mail (subject)").hasSize(2 * delayedCases.size())
                .allSatisfy((subject, count) -> assertThat(count).as(subject).isEqualTo(1));
        assertThat(sendsOfFailed).as("FAILED mails wait for an operator, they are not sent on their own").isEmpty();
    }

    private List<String> submit(Submissions submissions, int complaints) {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < complaints; i++) {
            cases.add(submissions.submitNew(app.baseUrl()).orElseThrow());
        }
        return cases;
    }

    private long countMails(List<String> cases, String condition) {
        return database.count("select count(*) from outbound_mail where tracking_number = any (?) and " + condition,
                (Object) cases.toArray(String[]::new));
    }

    private List<Map<String, Object>> mails(List<String> cases) {
        return database.rows("""
                select tracking_number, notice, delivery, attempts, last_error, sent_at from outbound_mail
                where tracking_number = any (?) order by id""", (Object) cases.toArray(String[]::new));
    }

    /** Subject → how many times the SMTP server received that mail (distinct Message-IDs, whatever the recipients). */
    private Map<String, Integer> sendsPerMail(List<String> cases) {
        Map<String, Set<String>> ids = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                String subject = message.getSubject();
                if (cases.stream().anyMatch(subject::contains)) {
                    ids.computeIfAbsent(subject, s -> new java.util.HashSet<>()).add(message.getMessageID());
                }
            } catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        Map<String, Integer> sends = new HashMap<>();
        ids.forEach((subject, messageIds) -> sends.put(subject, messageIds.size()));
        return sends;
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static boolean await(Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            ApplicationProcess.pause(Duration.ofMillis(500));
        }
        return condition.getAsBoolean();
    }
}
