package org.opensupervision.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.CoversEveryPathOf;
import org.opensupervision.IntegrationTest;
import org.opensupervision.ReceivedMail;
import org.opensupervision.audit.AuditEntry;
import org.opensupervision.audit.AuditSource;
import org.opensupervision.audit.AuditTrail;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.intake.AccessCodes;
import org.opensupervision.rating.RatingProcess.Activity;
import org.opensupervision.workflow.ComplaintProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every path of {@code citizen-rating}: rating through the mailed link, the seven-day default, a bad rating through
 * callback, rectification and a second rating, an appeal upheld and an appeal refused (with the rectification
 * overdue timer); and that nobody but the complainant can rate.
 */
@CoversEveryPathOf(RatingProcess.KEY)
class RatingProcessTest extends IntegrationTest {

    /** Monday 2 March 2026, 09:00 in Shanghai. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T01:00:00Z");
    static final Pattern LINK = Pattern.compile("/rate/(\\S+)");

    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseDriver cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    CitizenRatings ratings;
    @Autowired
    AuditTrail audit;
    @Autowired
    AccessCodes accessCodes;
    @Autowired
    MockMvc mvc;
    @Autowired
    RatingLinks links;
    @Autowired
    org.opensupervision.rules.ProcessJobs jobs;
    @Autowired
    org.opensupervision.calendar.WorkingDayCalendar calendar;
    @Autowired
    org.opensupervision.dashboard.SupervisionDashboards dashboards;
    @Autowired
    org.opensupervision.rules.SupervisionRules rules;

    @BeforeEach
    void startOnAMondayMorning() {
        init(engine);
        CaseDriver.moveClockTo(MONDAY_MORNING);
    }

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    /** A case whose reply was approved and mailed; the rating process waits for the complainant. */
    private String replied(String email) {
        return replied(CaseDriver.submission("GD-AMR", "ATTITUDE", email));
    }

    private String replied(org.opensupervision.intake.ComplaintSubmission submission) {
        String tn = cases.file(submission);
        cases.runDueJobs(tn);
        cases.complete(tn, ComplaintProcess.Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        cases.complete(tn, ComplaintProcess.Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理。"));
        cases.complete(tn, ComplaintProcess.Activity.HANDLING, Map.of("handlingAction", "REPLY",
                "replyText", "已向窗口人员批评教育。"));
        cases.complete(tn, ComplaintProcess.Activity.REVIEW_REPLY, Map.of("reviewDecision", "APPROVE"));
        runRatingJobs(tn);
        return tn;
    }

    private HistoricProcessInstance rating(String tn) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(RatingProcess.KEY)
                .processInstanceBusinessKey(tn).singleResult();
    }

    private void runRatingJobs(String tn) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(rating(tn).getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("Rating jobs keep coming");
    }

    private void advance(String tn, Duration duration) {
        CaseDriver.moveClockTo(Instant.now().isBefore(MONDAY_MORNING) ? MONDAY_MORNING
                : org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().plus(duration));
        runRatingJobs(tn);
    }

    private Task task(String tn, String key) {
        Task task = tasks.createTaskQuery().processInstanceId(rating(tn).getId()).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("open task " + key).isNotNull();
        return task;
    }

    private void complete(String tn, String key, String user, Map<String, Object> variables) {
        cases.completeAs(user, task(tn, key).getId(), variables);
        runRatingJobs(tn);
    }

    private String linkIn(ReceivedMail mail) {
        Matcher m = LINK.matcher(mail.body());
        assertThat(m.find()).as("a rating link in " + mail.subject()).isTrue();
        return m.group(1);
    }

    private List<ReceivedMail> mails(String tn, String subject) {
        return mailsSentAbout(tn).stream().filter(m -> m.subject().contains(subject)).toList();
    }

    private void rateWithLink(String token, int level, int expectedStatus) throws Exception {
        rateWithLinkOnly(token, level, expectedStatus);
        if (expectedStatus == 204) {
            runRatingJobs(links.read(token).orElseThrow().trackingNumber());
        }
    }

    private void rateWithLinkOnly(String token, int level, int expectedStatus) throws Exception {
        mvc.perform(post("/api/public/ratings/{t}", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":" + level + ",\"comment\":\"窗口态度\",\"answers\":{\"efficiency\":"
                                + level + ",\"attitude\":" + level + ",\"problemSolved\":" + (level > 2) + "}}"))
                .andExpect(status().is(expectedStatus));
    }

    private void rateOnTrackingPage(String tn, int level) throws Exception {
        rateOnTrackingPageOnly(tn, level);
        runRatingJobs(tn);
    }

    /** The citizen's request alone: the engine's work after the correlation waits in a job. */
    private void rateOnTrackingPageOnly(String tn, int level) throws Exception {
        mvc.perform(post("/api/public/complaints/{tn}/rating", tn).header("X-Access-Code", accessCodes.codeFor(tn))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"level\":" + level + "}"))
                .andExpect(status().isNoContent());
    }

    private List<String> auditKinds(String tn) {
        return audit.entriesOf(tn).stream().map(AuditEntry::kind).toList();
    }

    private String badRatingCalledBack(String tn) throws Exception {
        rateOnTrackingPage(tn, 1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(rating(tn).getId()).singleResult())
                .isWaitingAt(Activity.CALLBACK);
        complete(tn, Activity.CALLBACK, "supervisor", Map.of("callbackNote", "已回访，群众反映窗口推诿。"));
        return tn;
    }

    @Test
    void aGoodRatingThroughTheMailedLinkEndsTheRatingAndTheLinkWorksOnce() throws Exception {
        String tn = replied("happy@example.com");
        ReceivedMail invitation = mails(tn, "满意度评价").get(0);
        assertThat(invitation.to()).containsExactly("happy@example.com");
        String token = linkIn(invitation);
        mvc.perform(get("/rate/{t}", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"level\""))).andExpect(content().string(containsString(tn)));

        rateWithLink(token, 5, 204);

        assertThat(rating(tn).getEndActivityId()).isEqualTo("EndEvent_Rated");
        CitizenRating round = ratings.ratingsOf(tn).get(0);
        assertThat(round.getStatus()).isEqualTo(RatingStatus.RATED);
        assertThat(round.getLevel()).isEqualTo(RatingLevel.VERY_SATISFIED);
        assertThat(round.getChannel()).isEqualTo("LINK");
        assertThat(round.getDepartmentCode()).as("counted against the handling department").isEqualTo("GD-AMR");
        assertThat(round.getAnswers()).contains("\"problemSolved\":true");
        assertThat(audit.entriesOf(tn)).filteredOn(e -> e.kind().equals("RATING_SUBMITTED")).singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo(AuditSource.CITIZEN));
        rateWithLink(token, 1, 409);
        rateWithLink(token.substring(0, token.length() - 2) + "xx", 1, 404);
    }

    @Test
    void ratingsOfOneRoundSentAtOnceGiveOne204AndOtherwise409NeverA500() throws Exception {
        String tn = replied("double-click@example.com");
        String token = linkIn(mails(tn, "满意度评价").get(0));
        int clicks = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clicks);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            int level = 5 - i;
            answers.add(pool.submit(() -> {
                go.await();
                try {
                    return mvc.perform(post("/api/public/ratings/{t}", token).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"level\":" + level + "}")).andReturn().getResponse().getStatus();
                } catch (Exception unhandled) {
                    return 500;
                }
            }));
        }
        go.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get(2, java.util.concurrent.TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(204, 409);
        assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
        assertThat(ratings.ratingsOf(tn).get(0).getStatus()).isEqualTo(RatingStatus.RATED);
        assertThat(audit.entriesOf(tn)).filteredOn(e -> e.kind().equals("RATING_SUBMITTED")).hasSize(1);
    }

    @Test
    void withoutARatingInSevenDaysTheCaseCountsAsBasicallySatisfiedMarkedAsDefaulted() throws Exception {
        String tn = replied("silent@example.com");
        String token = linkIn(mails(tn, "满意度评价").get(0));

        advance(tn, Duration.ofDays(7).minusMinutes(1));
        assertThat(rating(tn).getEndActivityId()).isNull();
        advance(tn, Duration.ofMinutes(2));

        assertThat(rating(tn).getEndActivityId()).isEqualTo("EndEvent_RatedByDefault");
        CitizenRating round = ratings.ratingsOf(tn).get(0);
        assertThat(round.getStatus()).isEqualTo(RatingStatus.DEFAULTED);
        assertThat(round.getLevel()).isEqualTo(RatingLevel.BASICALLY_SATISFIED);
        assertThat(auditKinds(tn)).contains("RATING_DEFAULTED", "TIMER_FIRED");
        rateWithLink(token, 5, 409);
    }

    @Test
    void aBadRatingLeadsToCallbackRectificationAndOneMoreRating() throws Exception {
        String tn = badRatingCalledBack(replied("unhappy@example.com"));

        Task rectification = task(tn, Activity.RECTIFICATION);
        // The callback note may name the complainant: kept for the office, not handed to the department's task.
        assertThat(tasks.getVariables(rectification.getId())).doesNotContainKey("callbackNote");
        assertThat(runtime.getVariables(rating(tn).getId())).doesNotContainKey("callbackNote");
        assertThat(ratings.ratingsOf(tn).get(0).getCallbackNote()).isEqualTo("已回访，群众反映窗口推诿。");
        try (var form = getClass().getResourceAsStream("/forms/rectification.form")) {
            assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain("callbackNote");
        }
        // 15 working days after Monday 2 March: the end of Monday 23 March in Shanghai.
        assertThat(rectification.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-03-23T16:00:00Z"));
        assertThat(tasks.getIdentityLinksForTask(rectification.getId())).anyMatch(
                l -> "dept-gd-amr".equals(l.getGroupId()));
        assertThatThrownBy(() -> tasks.complete(rectification.getId(), Map.of("rectificationAction", "RECTIFY")))
                .hasMessageContaining("整改答复");

        complete(tn, Activity.RECTIFICATION, "handler-gd-amr", Map.of("rectificationAction", "RECTIFY",
                "rectificationText", "已约谈窗口负责人，重新办理完毕。"));

        ReceivedMail rectified = mails(tn, "整改答复").get(0);
        assertThat(rectified.body()).contains("已约谈窗口负责人");
        rateWithLink(linkIn(rectified), 2, 204);

        assertThat(rating(tn).getEndActivityId()).isEqualTo("EndEvent_Rated");
        assertThat(ratings.ratingsOf(tn)).extracting(CitizenRating::getRound, CitizenRating::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, RatingStatus.RATED),
                        org.assertj.core.groups.Tuple.tuple(2, RatingStatus.RATED));
        assertThat(ratings.ratingsOf(tn)).extracting(CitizenRating::getDepartmentCode).containsOnly("GD-AMR");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(rating(tn).getId())
                .taskDefinitionKey(Activity.CALLBACK).count()).isEqualTo(1);
        assertThat(audit.entriesOf(tn)).filteredOn(e -> e.kind().equals("CALLBACK_RECORDED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("supervisor");
                    assertThat(e.detail()).doesNotContain("推诿");
                });
        assertThat(auditKinds(tn)).contains("RECTIFICATION_REPLIED");
        assertThat(audit.verify(tn).intact()).isTrue();
    }

    @Test
    void anUpheldAppealVoidsTheRatingWithTheReasonAudited() throws Exception {
        String tn = badRatingCalledBack(replied("angry@example.com"));

        complete(tn, Activity.RECTIFICATION, "handler-gd-amr", Map.of("rectificationAction", "APPEAL",
                "appealReason", "投诉人评价内容与本案无关，系恶意差评。"));
        assertThatThrownBy(() -> tasks.complete(task(tn, Activity.REVIEW_APPEAL).getId(),
                Map.of("appealUpheld", true))).hasMessageContaining("复核理由");
        complete(tn, Activity.REVIEW_APPEAL, "supervisor", Map.of("appealUpheld", true,
                "appealDecisionReason", "经核实评价与办理无关。"));

        assertThat(rating(tn).getEndActivityId()).isEqualTo("EndEvent_RatingVoided");
        assertThat(ratings.ratingsOf(tn).get(0).getStatus()).isEqualTo(RatingStatus.VOIDED);
        assertThat(audit.entriesOf(tn)).filteredOn(e -> e.kind().equals("APPEAL_UPHELD")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("supervisor");
                    assertThat(e.source()).isEqualTo(AuditSource.STAFF);
                    assertThat(e.reason()).isEqualTo("经核实评价与办理无关。");
                    assertThat(e.detail()).contains("\"before\":{\"ratingStatus\":\"RATED\"}")
                            .contains("\"after\":{\"ratingStatus\":\"VOIDED\"}");
                });
        assertThat(auditKinds(tn)).contains("APPEAL_FILED");
    }

    @Test
    void aRefusedAppealSendsTheDepartmentBackToRectifyAndAnOverdueRectificationIsReported() throws Exception {
        String tn = badRatingCalledBack(replied("cross@example.com"));

        complete(tn, Activity.RECTIFICATION, "handler-gd-amr", Map.of("rectificationAction", "APPEAL",
                "appealReason", "恶意差评。"));
        complete(tn, Activity.REVIEW_APPEAL, "supervisor", Map.of("appealUpheld", false,
                "appealDecisionReason", "回访属实，须整改。"));
        assertThat(ratings.ratingsOf(tn).get(0).getStatus()).isEqualTo(RatingStatus.RATED);
        assertThat(auditKinds(tn)).contains("APPEAL_REFUSED");
        assertThatThrownBy(() -> tasks.complete(task(tn, Activity.RECTIFICATION).getId(),
                Map.of("rectificationAction", "APPEAL", "appealReason", "再次申诉"))).hasMessageContaining("不能再次申诉");

        CaseDriver.moveClockTo(Instant.parse("2026-03-23T16:00:01Z"));
        runRatingJobs(tn);
        assertThat(mails(tn, "整改超期")).singleElement()
                .satisfies(m -> assertThat(m.to()).containsExactly("supervision-office@example.gov.cn"));
        complete(tn, Activity.RECTIFICATION, "handler-gd-amr", Map.of("rectificationAction", "RECTIFY",
                "rectificationText", "已重新办理。"));

        advance(tn, Duration.ofDays(8));
        assertThat(rating(tn).getEndActivityId()).isEqualTo("EndEvent_RatedByDefault");
        assertThat(ratings.ratingsOf(tn)).extracting(CitizenRating::getStatus)
                .containsExactly(RatingStatus.RATED, RatingStatus.DEFAULTED);
    }

    @Test
    void nobodyButTheComplainantCanPutARatingIntoTheProcess() throws Exception {
        String tn = replied("target@example.com");

        assertThatThrownBy(() -> runtime.createMessageCorrelation(RatingProcess.RATING_SUBMITTED)
                .processInstanceBusinessKey(tn).correlate()).hasMessageContaining("no rating from the complainant");
        mvc.perform(post("/api/public/complaints/{tn}/rating", tn).contentType(MediaType.APPLICATION_JSON)
                        .with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.httpBasic("supervisor", "supervisor"))
                        .content("{\"level\":1}"))
                .andExpect(status().isNotFound());

        assertThat(ratings.ratingsOf(tn).get(0).getStatus()).isEqualTo(RatingStatus.OPEN);
        assertThat(rating(tn).getEndActivityId()).isNull();
    }

    @Test
    void anInvalidRatingIsRefusedFieldByField() throws Exception {
        String tn = replied("picky@example.com");
        mvc.perform(post("/api/public/complaints/{tn}/rating", tn).header("X-Access-Code", accessCodes.codeFor(tn))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":7,\"answers\":{\"problemSolved\":3,\"colour\":1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("level",
                                "answers.colour", "answers.problemSolved")));
        // A NUL would be a 500 on PostgreSQL: refused like any other bad field, on either database.
        mvc.perform(post("/api/public/complaints/{tn}/rating", tn).header("X-Access-Code", accessCodes.codeFor(tn))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"level\":4,\"comment\":\"a\\u0000b\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$.errors[0].field").value("comment"));
        assertThat(ratings.ratingsOf(tn).get(0).getStatus()).isEqualTo(RatingStatus.OPEN);
    }

    @Test
    void anAnonymousComplainantRatesOnTheTrackingPageAndABadRatingGoesStraightToRectification() throws Exception {
        var submission = CaseDriver.submission("GD-AMR", "ATTITUDE", null);
        submission.setAnonymous(true);
        String tn = replied(submission);
        assertThat(mails(tn, "满意度评价")).isEmpty();

        rateOnTrackingPage(tn, 2);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(rating(tn).getId()).singleResult())
                .isWaitingAt(Activity.RECTIFICATION);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(rating(tn).getId())
                .taskDefinitionKey(Activity.CALLBACK).count()).isZero();
        assertThat(auditKinds(tn)).contains("RECTIFICATION_OPENED").doesNotContain("CALLBACK_RECORDED");
        assertThat(ratings.ratingsOf(tn).get(0).getChannel()).isEqualTo("TRACKING_PAGE");

        complete(tn, Activity.RECTIFICATION, "handler-gd-amr", Map.of("rectificationAction", "RECTIFY",
                "rectificationText", "已整改。"));
        rateOnTrackingPage(tn, 4);

        assertThat(rating(tn).getEndActivityId()).isEqualTo("EndEvent_Rated");
        assertThat(ratings.ratingsOf(tn)).extracting(CitizenRating::getLevel)
                .containsExactly(RatingLevel.DISSATISFIED, RatingLevel.SATISFIED);
    }

    @Test
    void theClosingOfTheComplaintOnlyStartsTheRatingWhichOpensItsRoundInAJobOfItsOwn() {
        String tn = cases.file(CaseDriver.submission("GD-AMR", "ATTITUDE", "closing@example.com"));
        cases.runDueJobs(tn);
        cases.complete(tn, ComplaintProcess.Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        cases.complete(tn, ComplaintProcess.Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理。"));
        cases.complete(tn, ComplaintProcess.Activity.HANDLING, Map.of("handlingAction", "REPLY",
                "replyText", "已办结。"));
        cases.complete(tn, ComplaintProcess.Activity.REVIEW_REPLY, Map.of("reviewDecision", "APPROVE"));

        assertThat(rating(tn)).as("started by the closing").isNotNull();
        assertThat(ratings.ratingsOf(tn)).as("the round opens in the rating's own job").isEmpty();
        runRatingJobs(tn);
        assertThat(ratings.ratingsOf(tn)).singleElement()
                .satisfies(r -> assertThat(r.getStatus()).isEqualTo(RatingStatus.OPEN));
    }

    @Test
    void theCitizensRatingRequestCarriesOnlyTheCorrelationAndTheEngineWorkRunsInAJob() throws Exception {
        String tn = replied("async@example.com");

        rateOnTrackingPageOnly(tn, 1);

        assertThat(ratings.ratingsOf(tn).get(0).getStatus()).isEqualTo(RatingStatus.RATED);
        assertThat(jobs.instances(org.opensupervision.workflow.SupervisionProcesses.RuleCheck.KEY, tn))
                .as("no rule check started inside the citizen's request").isEmpty();
        assertThat(management.createJobQuery().processInstanceId(rating(tn).getId()).activityId(
                "Event_RatingSubmitted").count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceId(rating(tn).getId()).count()).isZero();

        runRatingJobs(tn);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(rating(tn).getId()).singleResult())
                .isWaitingAt(Activity.CALLBACK);
        assertThat(jobs.instances(org.opensupervision.workflow.SupervisionProcesses.RuleCheck.KEY, tn)).hasSize(1);
    }

    /**
     * The ladder of the office's own steps (issue 13): the callback and the appeal review are due in working days,
     * reminded one working day before and offered to the head of the office when overdue; an overdue rectification is
     * a breach recorded once, even when a refused appeal sends the department back to the same overdue step.
     */
    @Test
    void theOfficesStepsClimbTheLadderAndAnOverdueRectificationIsRecordedAndMailedOnce() throws Exception {
        String tn = replied("ladder@example.com");
        rateOnTrackingPage(tn, 1);
        Task callback = task(tn, Activity.CALLBACK);
        // Five working days after Monday 2 March: the end of Monday 9 March in Shanghai; reminded the working day before.
        assertThat(callback.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        assertThat(callback.getFollowUpDate().toInstant()).isEqualTo(Instant.parse("2026-03-06T16:00:00Z"));

        CaseDriver.moveClockTo(Instant.parse("2026-03-06T16:00:01Z"));
        runRatingJobs(tn);
        assertThat(mails(tn, "）即将到期")).singleElement()
                .satisfies(m -> assertThat(m.to()).containsExactly("supervision-office@example.gov.cn"));
        assertThat(candidateGroups(callback)).doesNotContain("supervision-head");
        CaseDriver.moveClockTo(Instant.parse("2026-03-09T16:00:01Z"));
        runRatingJobs(tn);
        assertThat(candidateGroups(callback)).contains("supervision-office", "supervision-head");
        assertThat(tasks.createTaskQuery().taskId(callback.getId()).singleResult().getPriority()).isEqualTo(90);
        assertThat(mails(tn, "逾期提级").stream().distinct().toList()).singleElement()
                .satisfies(m -> assertThat(m.to()).containsExactly("supervision-head@example.gov.cn"));

        CaseDriver.moveClockTo(Instant.parse("2026-03-10T01:00:00Z"));
        complete(tn, Activity.CALLBACK, "supervision-head", Map.of("callbackNote", "负责人回访。"));
        Instant rectificationDue = calendar.addWorkingDays(Instant.parse("2026-03-10T01:00:00Z"), 15);
        assertThat(task(tn, Activity.RECTIFICATION).getDueDate().toInstant()).isEqualTo(rectificationDue);
        java.time.YearMonth overdueMonth = java.time.YearMonth.from(rectificationDue.plusSeconds(1)
                .atZone(calendar.zone()));
        long breachesBefore = rectificationBreaches(overdueMonth);
        CaseDriver.moveClockTo(rectificationDue.plusSeconds(1));
        runRatingJobs(tn);
        assertThat(mails(tn, "整改超期")).hasSize(1);
        assertThat(ratings.ratingsOf(tn).get(0).getRectificationOverdueAt()).isNotNull();
        assertThat(rectificationBreaches(overdueMonth)).as("a breach the KPIs count").isEqualTo(breachesBefore + 1);

        complete(tn, Activity.RECTIFICATION, "handler-gd-amr", Map.of("rectificationAction", "APPEAL",
                "appealReason", "恶意差评。"));
        Task review = task(tn, Activity.REVIEW_APPEAL);
        Instant reviewDue = calendar.addWorkingDays(rectificationDue.plusSeconds(1), 5);
        assertThat(review.getDueDate().toInstant()).isEqualTo(reviewDue);
        CaseDriver.moveClockTo(reviewDue.plusSeconds(1));
        runRatingJobs(tn);
        assertThat(mails(tn, "）即将到期")).as("a reminder whose moment passed with the due date is not sent")
                .hasSize(1);
        assertThat(candidateGroups(review)).contains("supervision-head");
        complete(tn, Activity.REVIEW_APPEAL, "supervisor", Map.of("appealUpheld", false,
                "appealDecisionReason", "回访属实，须整改。"));

        // Back at the rectification, whose deadline passed long ago: its timer fires again, and nothing is repeated.
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(rating(tn).getId()).singleResult())
                .isWaitingAt(Activity.RECTIFICATION);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(rating(tn).getId())
                .activityId("EndEvent_RectificationOverdueKnown").count()).isEqualTo(1);
        assertThat(mails(tn, "整改超期")).as("no second overdue notice").hasSize(1);
        assertThat(auditKinds(tn)).filteredOn("RECTIFICATION_OVERDUE"::equals).hasSize(1);
        assertThat(rectificationBreaches(overdueMonth)).isEqualTo(breachesBefore + 1);
        jobs.runDueJobs(tn);
        assertThat(rules.decisionsOf(tn)).filteredOn(d -> d.getTrigger()
                == org.opensupervision.rules.RuleTrigger.RATING_RECTIFICATION_OVERDUE).singleElement()
                .satisfies(d -> assertThat(d.getMatchedRules()).contains("Rule_CommonRatingRectificationOverdue"));
    }

    private long rectificationBreaches(java.time.YearMonth month) {
        return dashboards.kpiMonth(month).departments().stream().filter(k -> k.departmentCode().equals("GD-AMR")).findFirst()
                .orElseThrow().rectificationBreaches();
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
    }
}
