package org.opensupervision.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Crash safety (issue 12): citizens submit complaints steadily while the application is killed with SIGKILL at random
 * moments and started again. Every complaint the API acknowledged with a 201 is on disk exactly once, with its process
 * instance and its audit trail; the requests that got no answer, sent again with the same Idempotency-Key, make no
 * duplicate; and nothing is stuck: every complaint the killed JVM stored but had not started is started by the sweep
 * after the restart (the intake answers before the start, issue 17), and every routing job, also those the killed JVM
 * had taken, runs.
 */
@Tag("reliability")
class CrashSafetyIT {

    private static final int KILLS = 3;
    private static final Duration START = Duration.ofMinutes(5);

    @Test
    void everyAcknowledgedComplaintSurvivesRepeatedSigkillExactlyOnceAndGetsRouted() {
        ReliabilityDatabase database = ReliabilityDatabase.fresh("crash");
        Random random = new Random();
        try (ApplicationProcess app = ApplicationProcess.configured("crash",
                database.applicationProperties(database.url()))) {
            app.start(START);
            Submissions submissions = new Submissions().start(3, Duration.ofMillis(20), app::baseUrl);
            for (int kill = 1; kill <= KILLS; kill++) {
                ApplicationProcess.pause(Duration.ofMillis(2000 + random.nextInt(6000)));
                int acknowledgedBefore = submissions.acknowledged().size();
                app.kill();
                System.out.printf("[reliability] crash: kill %d of %d after %d acknowledged%n", kill, KILLS,
                        acknowledgedBefore);
                app.start(START);
            }
            ApplicationProcess.pause(Duration.ofSeconds(3));
            submissions.stop();
            int retried = submissions.retryUnanswered(app.baseUrl(), 5);

            AcknowledgedComplaints result = AcknowledgedComplaints.awaitRouted(database, submissions,
                    Duration.ofSeconds(90));
            long incidents = database.count("select count(*) from act_ru_incident");
            long jobsDue = database.count("""
                    select count(*) from act_ru_job j join complaint c on c.process_instance_id = j.process_instance_id_
                    where j.type_ = 'message' and j.duedate_ is null""");
            System.out.printf("[reliability] crash: %d kills, %d requests, %d retried after the kills (same key), "
                            + "answers %s; %s; incidents %d, async jobs left %d%n", KILLS, submissions.sent(), retried,
                    submissions.statuses(), result, incidents, jobsDue);

            assertThat(submissions.unexpectedAnswers()).as("answers other than 201, 503 or none").isEmpty();
            assertThat(result.acknowledged()).as("every request acknowledged after its retries")
                    .isEqualTo(submissions.sent());
            assertThat(result.lost()).as("acknowledged but lost").isZero();
            assertThat(result.duplicates()).as("stored twice").isZero();
            assertThat(result.found()).isEqualTo(result.acknowledged());
            assertThat(result.withoutProcess()).as("without process instance").isZero();
            assertThat(result.withoutAudit()).as("without audit entries").isZero();
            assertThat(result.unrouted()).as("complaints never started or routed").isZero();
            assertThat(incidents).as("incidents").isZero();
        }
    }
}
