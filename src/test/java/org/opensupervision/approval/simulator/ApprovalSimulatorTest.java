package org.opensupervision.approval.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.OwnsPeriod;
import org.opensupervision.OwnsPeriod.Cases;
import org.opensupervision.approval.ApprovalCard;
import org.opensupervision.approval.ApprovalCaseView;
import org.opensupervision.approval.ApprovalCases;
import org.opensupervision.approval.ApprovalCatalogue;
import org.opensupervision.approval.ApprovalClockWatch;
import org.opensupervision.approval.ApprovalEventInput;
import org.opensupervision.approval.ApprovalEventType;
import org.opensupervision.approval.ApprovalItem;
import org.opensupervision.approval.CardCause;
import org.opensupervision.approval.CardColour;
import org.opensupervision.approval.CaseStatus;
import org.opensupervision.approval.Channel;
import org.opensupervision.approval.EventBatchResult;
import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.handling.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The demo simulator against the running test application, over HTTP on its real port, ticked by hand with a fixed
 * seed while the engine clock moves ten seconds a tick. Runs in July 2026 (Wednesday 8 July, 10:00 China Standard
 * Time); its assertions read only its own cases.
 */
@OwnsPeriod(value = {"2026-04", "2026-05", "2026-06", "2026-07"}, cases = Cases.APPROVAL,
        because = "its random history reaches back from July by up to the items' limits and stops")
class ApprovalSimulatorTest extends IntegrationTest {

    static final Instant START = Instant.parse("2026-07-08T02:00:00Z");
    static final long SEED = 20260708L;

    @LocalServerPort
    int port;
    @Autowired
    ApprovalCatalogue catalogue;
    @Autowired
    DepartmentDirectory departments;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    Clock clock;
    @Autowired
    ApprovalClockWatch watch;
    @Autowired
    ApprovalCases cases;
    @Autowired
    RestClient.Builder rest;

    @Test
    void simulatedDepartmentSystemsMoveCasesThroughTheApiAndYellowAndRedCardsAppear() {
        ApprovalSimulator simulator = simulator(client(), "T1");
        TickSummary total = TickSummary.NOTHING;
        for (int tick = 0; tick < 30; tick++) {
            CaseDriver.moveClockTo(START.plusSeconds(10L * tick));
            total = total.plus(simulator.tick());
        }
        watch.checkDue();

        assertThat(total.failedBatches()).isZero();
        assertThat(total.rejected()).as("irregular cases are irregular by their content, never refused").isZero();
        assertThat(total.newCases()).isEqualTo(150).isEqualTo((int) simulator.started());
        assertThat(total.accepted() + total.duplicates()).isEqualTo(total.sent());
        assertThat(total.duplicates()).as("resent events are acknowledged, not kept twice").isPositive();
        List<ApprovalCaseView> simulated = simulated(simulator);
        assertThat(simulated).hasSize(150);

        // Cases advance: some concluded each way, others still on their way, every step of the lifecycle seen.
        Set<CaseStatus> statuses = simulated.stream().map(ApprovalCaseView::status).collect(Collectors.toSet());
        assertThat(statuses).contains(CaseStatus.COMPLETED, CaseStatus.REFUSED_AT_INTAKE, CaseStatus.WITHDRAWN)
                .anyMatch(CaseStatus::isOpen);
        Set<ApprovalEventType> types = simulated.stream().flatMap(c -> c.events().stream())
                .map(ApprovalCaseView.Event::type).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrder(ApprovalEventType.values());
        assertThat(simulated).anyMatch(c -> c.stoppedWorkingDays() > 0);
        assertThat(simulated.stream().flatMap(c -> c.events().stream())
                .filter(e -> e.type() == ApprovalEventType.CORRECTION_REQUESTED))
                .isNotEmpty().allMatch(e -> e.reason() != null && e.reason().codePoints()
                        .anyMatch(ch -> Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN));
        long online = simulated.stream().filter(c -> c.submittedChannel() == Channel.ONLINE).count();
        assertThat(online).as("most online, some at the counter").isGreaterThan(simulated.size() / 2)
                .isLessThan(simulated.size());
        assertThat(simulated.stream().flatMap(c -> c.events().stream()))
                .as("events happened in the past, never in the future")
                .allMatch(e -> !e.occurredAt().isAfter(e.receivedAt()));

        // Cards: red for late cases and irregular closures, yellow for cases on their last day.
        Set<CardCause> causes = cards(simulated).stream().map(ApprovalCard::cause).collect(Collectors.toSet());
        assertThat(causes).contains(CardCause.PROMISED_LIMIT_NEAR, CardCause.PROMISED_LIMIT_PASSED,
                CardCause.REFUSED_WITHOUT_REASON, CardCause.COUNTER_WHEN_ONLINE_REQUIRED,
                CardCause.DECIDED_BEFORE_ACCEPTANCE);
        assertThat(causes).as("no card the scripts did not mean: a backdated history arrives whole")
                .doesNotContain(CardCause.ACCEPTANCE_STAGE_LATE, CardCause.DELIVERY_STAGE_LATE,
                        CardCause.STOP_OVER_LIMIT);
        assertThat(cards(simulated)).extracting(ApprovalCard::colour).contains(CardColour.YELLOW, CardColour.RED);

        // The next morning the watch turns yesterday's yellow cases that are still open red.
        Instant nextMorning = Instant.parse("2026-07-09T01:00:00Z");
        CaseDriver.moveClockTo(nextMorning);
        watch.checkDue();
        List<ApprovalCaseView> after = simulated(simulator);
        assertThat(after).anyMatch(c -> c.cards().stream().anyMatch(card -> card.cause()
                == CardCause.PROMISED_LIMIT_NEAR && card.raisedAt().isBefore(nextMorning))
                && c.cards().stream().anyMatch(card -> card.cause() == CardCause.PROMISED_LIMIT_PASSED
                && !card.raisedAt().isBefore(nextMorning)));
        withdrawTheOpenOnes(after);
    }

    @Test
    void aBatchThatFailsIsSentAgainUnchangedNextTickAndTheTickNeverThrows() {
        CaseDriver.moveClockTo(START.plus(Duration.ofDays(1)));
        ApprovalEventsClient real = client();
        AtomicBoolean down = new AtomicBoolean(true);
        ApprovalEventsClient outage = new ApprovalEventsClient(rest, "http://127.0.0.1:" + port) {
            @Override
            EventBatchResult send(String departmentCode, List<ApprovalEventInput> events) {
                if (down.get()) {
                    throw new ResourceAccessException("Connection refused (the test's outage)");
                }
                return real.send(departmentCode, events);
            }
        };
        ApprovalSimulator simulator = simulator(outage, "T2");

        TickSummary failed = simulator.tick();
        assertThat(failed.failedBatches()).isPositive();
        assertThat(failed.accepted()).isZero();
        assertThat(cases.find(simulator.caseId(1))).isEmpty();

        // Same clock, the API back: the first events go again as they were, kept once.
        down.set(false);
        TickSummary retried = simulator.tick();
        assertThat(retried.failedBatches()).isZero();
        assertThat(retried.rejected()).isZero();
        assertThat(LongStream.rangeClosed(1, failed.newCases()).mapToObj(simulator::caseId).map(cases::find))
                .allMatch(Optional::isPresent);
        withdrawTheOpenOnes(simulated(simulator));
    }

    @Test
    void theSameSeedWritesTheSameScripts() {
        List<ApprovalItem> items = items();
        assertThat(scripts(SEED, items)).isEqualTo(scripts(SEED, items)).isNotEqualTo(scripts(SEED + 1, items));
    }

    private List<String> scripts(long seed, List<ApprovalItem> items) {
        Random random = new Random(seed);
        CaseScripts scripts = new CaseScripts(calendar, random, 0.2, 0.15);
        return LongStream.range(0, 50).mapToObj(n -> scripts.next("S" + n, items.get(random.nextInt(items.size())),
                START).scenario()).toList();
    }

    private ApprovalSimulator simulator(ApprovalEventsClient client, String runId) {
        return new ApprovalSimulator(this::items, client, calendar, clock, new ApprovalSimulatorProperties(true, 30,
                Duration.ofSeconds(10), 200, 0.2, 0.15, SEED), runId + System.nanoTime() % 100_000);
    }

    private ApprovalEventsClient client() {
        return new ApprovalEventsClient(rest, "http://127.0.0.1:" + port);
    }

    /** The demo catalogue: items of the departments that have a machine user. */
    private List<ApprovalItem> items() {
        return catalogue.items(null).stream().filter(i -> departments.find(i.departmentCode()).isPresent()).toList();
    }

    private List<ApprovalCaseView> simulated(ApprovalSimulator simulator) {
        return LongStream.rangeClosed(1, simulator.started()).mapToObj(simulator::caseId).map(cases::find)
                .flatMap(Optional::stream).toList();
    }

    /** Leaves no simulated case open for the watch of the tests that follow (they move the clock months on). */
    private void withdrawTheOpenOnes(List<ApprovalCaseView> simulated) {
        String now = clock.instant().atOffset(ZoneOffset.ofHours(8)).toString();
        simulated.stream().filter(c -> c.status().isOpen())
                .collect(Collectors.groupingBy(ApprovalCaseView::departmentCode, Collectors.mapping(
                        c -> new ApprovalEventInput(c.caseId() + "-end", c.caseId(), c.itemCode(), c.departmentCode(),
                                "WITHDRAWN", now, "ONLINE", null, null, null), Collectors.toList())))
                .forEach((department, events) -> assertThat(client().send(department, events).rejected()).isEmpty());
    }

    private static List<ApprovalCard> cards(List<ApprovalCaseView> simulated) {
        return simulated.stream().flatMap(c -> c.cards().stream()).toList();
    }
}
