package org.opensupervision.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.opensupervision.complaint.Complaint;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.complaint.ComplaintStatus;
import org.opensupervision.demo.DemoComplaints.Stage;
import org.opensupervision.intake.ComplaintIntake;
import org.opensupervision.rating.CitizenRating;
import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The embedded default with its demo data (profiles dev and test, the job executor on, as in a real start, on an H2
 * database of its own): after the start a complaint in every state is there, made through intake and the engine, and
 * making them again (a restart) files nothing twice.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-complaints;DB_CLOSE_DELAY=-1",
        "supervision.demo-data.enabled=true",
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.generic-properties.properties.jobExecutorActivate=true"})
@ActiveProfiles({"test", "dev"})
class DemoComplaintsTest {

    @Autowired
    DemoComplaints demo;
    @Autowired
    ComplaintIntake intake;
    @Autowired
    ComplaintRecords records;
    @Autowired
    CitizenRatings ratings;
    @Autowired
    TaskService tasks;

    @Test
    void aNewUserFindsAComplaintInEveryStateCreatedOnce() {
        Map<String, String> byKey = await(this::allCasesThere, "every demo case in its state");

        for (DemoComplaints.DemoCase c : DemoComplaints.CASES) {
            Complaint complaint = records.find(byKey.get(c.key())).orElseThrow();
            switch (c.stage()) {
                case NEW -> {
                    assertThat(complaint.getFirstFeedbackBreachedAt()).isNull();
                    assertThat(openTask(complaint, "Task_FirstFeedback")).isTrue();
                    assertThat(openTask(complaint, "Task_Triage")).isTrue();
                }
                case OVERDUE -> {
                    assertThat(complaint.getSubmittedAt()).isBefore(Instant.now().minus(Duration.ofHours(24)));
                    assertThat(complaint.getFirstFeedbackBreachedAt()).isNotNull();
                    assertThat(openTask(complaint, "Task_FirstFeedback")).isTrue();
                }
                case IN_HANDLING -> {
                    assertThat(complaint.getStatus()).isEqualTo(ComplaintStatus.IN_HANDLING);
                    assertThat(complaint.getFirstFeedbackAt()).isNotNull();
                    assertThat(openTask(complaint, "Task_Handling")).isTrue();
                }
                case CLOSED_AND_RATED -> {
                    assertThat(complaint.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
                    assertThat(ratings.ratingsOf(complaint.getTrackingNumber())).extracting(CitizenRating::getLevel)
                            .containsExactly(RatingLevel.VERY_SATISFIED);
                }
                case BAD_RATING_IN_RECTIFICATION -> {
                    assertThat(complaint.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
                    CitizenRating rating = ratings.ratingsOf(complaint.getTrackingNumber()).get(0);
                    assertThat(rating.getLevel().score()).isEqualTo(1);
                    assertThat(rating.getCallbackNote()).isNotBlank();
                    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(complaint.getTrackingNumber())
                            .taskDefinitionKey("Task_Rectification").count()).isEqualTo(1);
                }
            }
        }

        // A restart: the same cases are found, nothing is filed or done twice.
        demo.create();
        Map<String, String> again = allCasesThere();
        assertThat(again).isEqualTo(byKey);
        assertThat(records.findByIdempotencyKey("demo-complaint-7")).isEmpty();
    }

    /** Tracking number per demo key once every case has reached its stage, null before. */
    private Map<String, String> allCasesThere() {
        Map<String, String> byKey = DemoComplaints.CASES.stream().filter(c -> records.findByIdempotencyKey(c.key())
                .isPresent()).collect(Collectors.toMap(DemoComplaints.DemoCase::key,
                c -> records.findByIdempotencyKey(c.key()).orElseThrow().getTrackingNumber()));
        if (byKey.size() < DemoComplaints.CASES.size()) {
            return null;
        }
        for (DemoComplaints.DemoCase c : DemoComplaints.CASES) {
            Complaint complaint = records.find(byKey.get(c.key())).orElseThrow();
            boolean there = switch (c.stage()) {
                case NEW -> openTask(complaint, "Task_FirstFeedback");
                case OVERDUE -> complaint.getFirstFeedbackBreachedAt() != null;
                case IN_HANDLING -> openTask(complaint, "Task_Handling");
                case CLOSED_AND_RATED -> ratings.ratingsOf(complaint.getTrackingNumber()).stream()
                        .anyMatch(r -> r.getRatedAt() != null);
                case BAD_RATING_IN_RECTIFICATION -> tasks.createTaskQuery()
                        .processInstanceBusinessKey(complaint.getTrackingNumber())
                        .taskDefinitionKey("Task_Rectification").count() == 1;
            };
            if (!there) {
                return null;
            }
        }
        return byKey;
    }

    private boolean openTask(Complaint complaint, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(complaint.getTrackingNumber())
                .taskDefinitionKey(key).count() == 1;
    }

    private static <T> T await(Supplier<T> probe, String what) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        throw new AssertionError("Waited 4 minutes for " + what);
    }
}
