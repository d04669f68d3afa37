package org.opensupervision.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.OwnsPeriod;
import org.opensupervision.OwnsPeriod.Cases;
import org.opensupervision.audit.AuditEntry;
import org.opensupervision.audit.AuditTrail;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.rules.ApprovalCardCounts;
import org.opensupervision.rules.ProcessJobs;
import org.opensupervision.rules.RuleAction;
import org.opensupervision.rules.RuleDecision;
import org.opensupervision.rules.RuleTrigger;
import org.opensupervision.rules.SupervisionRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Approval-case supervision end to end over the real API: clocks across the National Day holiday and its make-up
 * Saturday (10 October 2026), clock stops, yellow then red cards from the watch, irregular closures, late events,
 * and a batch with every kind of bad event. Runs in October 2026, whose approval cases it owns ({@link OwnsPeriod}).
 */
@OwnsPeriod(value = "2026-10", cases = Cases.APPROVAL, because = "counts the cards and closures of the month")
class ApprovalSupervisionTest extends IntegrationTest {

    /** 营业执照变更登记: promised 5, statutory 15 working days, acceptance 2, delivery 3, stops at most 10, online. */
    static final String LICENCE = "GD-AMR-005";
    /** 食品生产许可: promised 10, statutory 20, acceptance 5, stops at most 30. */
    static final String FOOD = "GD-AMR-001";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApprovalClockWatch watch;
    @Autowired
    ApprovalCases cases;
    @Autowired
    AuditTrail audit;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessJobs jobs;
    @Autowired
    SupervisionRules rules;
    @Autowired
    ApprovalCardCounts cardCounts;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    ApprovalEvents events;

    @BeforeEach
    void inOctober() {
        // A wrong password tried by an earlier test (ComplaintStaffApiTest) locks the user until a few seconds after
        // the engine time of then; these tests move the engine clock back to 2026, so the lock would outlast them.
        List.of("inspector", "handler-gd-drc").forEach(identity::unlockUser);
        events = new ApprovalEvents(mvc);
        CaseDriver.moveClockTo(Instant.parse("2026-11-02T01:00:00Z"));
    }

    @Test
    void bothLimitsRunInWorkingDaysOverNationalDayAndItsMakeUpSaturday() throws Exception {
        String id = ApprovalEvents.newCaseId("LIM");
        JsonNode answer = events.with(id, LICENCE, "SUBMITTED", "2026-09-29T09:00:00+08:00")
                .with(id, LICENCE, "ACCEPTED", "2026-09-30T10:00:00+08:00").send("GD-AMR");
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);

        ApprovalCaseView c = cases.find(id).orElseThrow();
        // Working days after 30 Sep: 8, 9, 10 (Saturday, a working day), 12, 13 October.
        assertThat(c.promisedDueAt()).isEqualTo(Instant.parse("2026-10-13T16:00:00Z"));
        assertThat(c.statutoryDueAt()).isEqualTo(Instant.parse("2026-10-27T16:00:00Z"));
        assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(c.itemVersion()).isEqualTo(1);
    }

    @Test
    void aYellowCardWhenTheLimitIsNearThenARedOneWhenItPasses() throws Exception {
        CaseDriver.moveClockTo(Instant.parse("2026-10-01T01:00:00Z"));
        String id = ApprovalEvents.newCaseId("CARD");
        events.with(id, LICENCE, "SUBMITTED", "2026-09-29T09:00:00+08:00")
                .with(id, LICENCE, "ACCEPTED", "2026-09-30T10:00:00+08:00").send("GD-AMR");

        CaseDriver.moveClockTo(Instant.parse("2026-10-12T15:59:00Z"));
        watch.checkDue();
        assertThat(cases.find(id).orElseThrow().cards()).isEmpty();

        // 80 % of 5 working days, and one working day before the limit: the end of Monday 12 October.
        CaseDriver.moveClockTo(Instant.parse("2026-10-12T16:00:30Z"));
        watch.checkDue();
        assertThat(cases.find(id).orElseThrow().cards()).extracting(ApprovalCard::colour, ApprovalCard::cause)
                .containsExactly(tuple(CardColour.YELLOW, CardCause.PROMISED_LIMIT_NEAR));

        CaseDriver.moveClockTo(Instant.parse("2026-10-13T16:00:20Z"));
        watch.checkDue();
        watch.checkDue();
        ApprovalCaseView c = cases.find(id).orElseThrow();
        assertThat(c.cards()).extracting(ApprovalCard::colour, ApprovalCard::cause).containsExactly(
                tuple(CardColour.YELLOW, CardCause.PROMISED_LIMIT_NEAR),
                tuple(CardColour.RED, CardCause.PROMISED_LIMIT_PASSED));
        assertThat(c.overdue()).isTrue();
        assertThat(c.cards().get(1).raisedAt()).isEqualTo(Instant.parse("2026-10-13T16:00:20Z"));

        // Each card: mailed to the department, written to the case's audit trail, handed to the rules.
        String key = "AC-" + id;
        assertThat(mailsSentAbout(id)).extracting(m -> m.subject()).anyMatch(s -> s.contains("红牌"))
                .anyMatch(s -> s.contains("黄牌"));
        assertThat(audit.entriesOf(key)).extracting(AuditEntry::kind).filteredOn(k -> k.startsWith("APPROVAL_"))
                .containsExactly("APPROVAL_CARD_RAISED", "APPROVAL_CARD_RAISED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isEqualTo(2);
    }

    @Test
    void overlappingStopsCountOnceAndTheStatusShowsWhatIsOpen() throws Exception {
        CaseDriver.moveClockTo(Instant.parse("2026-10-16T01:00:00Z"));
        String id = ApprovalEvents.newCaseId("STOP");
        events.with(id, FOOD, "ACCEPTED", "2026-10-08T09:00:00+08:00");
        events.add(id, FOOD, "CORRECTION_REQUESTED", "2026-10-09T10:00:00+08:00", "ONLINE").put("reason", "缺少材料");
        events.add(id, FOOD, "SPECIAL_PROCEDURE_STARTED", "2026-10-12T09:00:00+08:00", "ONLINE")
                .put("procedure", "HEARING");
        assertThat(events.send("GD-AMR").get("accepted").asInt()).isEqualTo(3);
        assertThat(cases.find(id).orElseThrow().status()).isEqualTo(CaseStatus.CORRECTION);
        assertThat(cases.find(id).orElseThrow().clockStopped()).isTrue();

        events.with(id, FOOD, "CORRECTION_RECEIVED", "2026-10-13T09:00:00+08:00").send("GD-AMR");
        assertThat(cases.find(id).orElseThrow().status()).isEqualTo(CaseStatus.SPECIAL_PROCEDURE);

        events.add(id, FOOD, "SPECIAL_PROCEDURE_ENDED", "2026-10-15T17:00:00+08:00", "ONLINE")
                .put("procedure", "HEARING");
        events.send("GD-AMR");
        ApprovalCaseView c = cases.find(id).orElseThrow();
        // One stop from 9 to 15 October: 10 (Saturday, a working day), 12, 13, 14, 15.
        assertThat(c.stoppedWorkingDays()).isEqualTo(5);
        assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(c.promisedDueAt()).isEqualTo(Instant.parse("2026-10-28T16:00:00Z"));
    }

    @Test
    void aStopLongerThanItsItemAllowsIsFlaggedAndCountsOnlyItsMaximum() throws Exception {
        CaseDriver.moveClockTo(Instant.parse("2026-10-31T01:00:00Z"));
        String id = ApprovalEvents.newCaseId("LONG");
        events.with(id, LICENCE, "ACCEPTED", "2026-10-08T09:00:00+08:00");
        events.add(id, LICENCE, "CORRECTION_REQUESTED", "2026-10-08T10:00:00+08:00", "ONLINE").put("reason", "补材料");
        events.with(id, LICENCE, "CORRECTION_RECEIVED", "2026-10-30T10:00:00+08:00");
        events.send("GD-AMR");
        ApprovalCaseView c = cases.find(id).orElseThrow();
        assertThat(c.stoppedWorkingDays()).isEqualTo(10);
        assertThat(c.cards()).extracting(ApprovalCard::cause).contains(CardCause.STOP_OVER_LIMIT);
    }

    @Test
    void anOpenStopPastItsMaximumIsFlaggedByTheWatchAndTheClocksRunAgain() throws Exception {
        CaseDriver.moveClockTo(Instant.parse("2026-10-08T03:00:00Z"));
        String id = ApprovalEvents.newCaseId("OPEN");
        events.with(id, LICENCE, "ACCEPTED", "2026-10-08T09:00:00+08:00");
        events.add(id, LICENCE, "CORRECTION_REQUESTED", "2026-10-08T10:00:00+08:00", "ONLINE").put("reason", "补材料");
        events.send("GD-AMR");
        // 10 working days after 8 October (10 October a working Saturday) end on 21 October; nothing is due while the
        // stop is within its maximum.
        CaseDriver.moveClockTo(Instant.parse("2026-10-21T15:00:00Z"));
        watch.checkDue();
        assertThat(cases.find(id).orElseThrow().cards()).isEmpty();
        CaseDriver.moveClockTo(Instant.parse("2026-10-21T16:00:10Z"));
        watch.checkDue();
        assertThat(cases.find(id).orElseThrow().cards()).extracting(ApprovalCard::cause)
                .containsExactly(CardCause.STOP_OVER_LIMIT);
        // Accepted 8 Oct with 10 days stopped at most: the promised limit is 15 working days after 8 Oct (28 Oct).
        CaseDriver.moveClockTo(Instant.parse("2026-10-28T15:59:00Z"));
        watch.checkDue();
        assertThat(cases.find(id).orElseThrow().cards()).extracting(ApprovalCard::cause)
                .doesNotContain(CardCause.PROMISED_LIMIT_PASSED);
        CaseDriver.moveClockTo(Instant.parse("2026-10-28T16:00:10Z"));
        watch.checkDue();
        assertThat(cases.find(id).orElseThrow().cards()).extracting(ApprovalCard::cause)
                .contains(CardCause.PROMISED_LIMIT_NEAR, CardCause.PROMISED_LIMIT_PASSED);
    }

    @Test
    void aLateStopIsPlacedByItsTimeAndWithdrawsTheCardsItProvesWrong() throws Exception {
        CaseDriver.moveClockTo(Instant.parse("2026-10-01T01:00:00Z"));
        String id = ApprovalEvents.newCaseId("LATE");
        events.with(id, LICENCE, "ACCEPTED", "2026-09-30T10:00:00+08:00").send("GD-AMR");
        CaseDriver.moveClockTo(Instant.parse("2026-10-14T02:00:00Z"));
        watch.checkDue();
        assertThat(cases.find(id).orElseThrow().cards()).extracting(ApprovalCard::cause)
                .containsExactly(CardCause.PROMISED_LIMIT_NEAR, CardCause.PROMISED_LIMIT_PASSED);

        events.add(id, LICENCE, "CORRECTION_RECEIVED", "2026-10-12T10:00:00+08:00", "ONLINE");
        events.add(id, LICENCE, "CORRECTION_REQUESTED", "2026-10-08T10:00:00+08:00", "ONLINE").put("reason", "补材料");
        JsonNode answer = events.send("GD-AMR");
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);

        ApprovalCaseView c = cases.find(id).orElseThrow();
        // Stopped 9, 10 and 12 October: the promised limit moves from 13 to 16 October.
        assertThat(c.stoppedWorkingDays()).isEqualTo(3);
        assertThat(c.promisedDueAt()).isEqualTo(Instant.parse("2026-10-16T16:00:00Z"));
        assertThat(c.overdue()).isFalse();
        assertThat(c.cards()).extracting(ApprovalCard::status).containsOnly(CardStatus.WITHDRAWN);
        assertThat(audit.entriesOf("AC-" + id)).extracting(AuditEntry::kind).contains("APPROVAL_CARD_RECOMPUTED");

        CaseDriver.moveClockTo(Instant.parse("2026-10-16T16:00:10Z"));
        watch.checkDue();
        assertThat(cases.find(id).orElseThrow().cards()).filteredOn(k -> k.status() == CardStatus.ACTIVE)
                .extracting(ApprovalCard::cause)
                .containsExactlyInAnyOrder(CardCause.PROMISED_LIMIT_NEAR, CardCause.PROMISED_LIMIT_PASSED);
    }

    @Test
    void irregularClosuresAreRedCards() throws Exception {
        CaseDriver.moveClockTo(Instant.parse("2026-10-09T08:00:00Z"));
        String refused = ApprovalEvents.newCaseId("REF");
        events.with(refused, LICENCE, "ACCEPTED", "2026-10-08T09:00:00+08:00");
        events.add(refused, LICENCE, "DECIDED", "2026-10-09T09:00:00+08:00", "ONLINE").put("decision", "REFUSED");
        String early = ApprovalEvents.newCaseId("EARLY");
        events.with(early, LICENCE, "SUBMITTED", "2026-10-08T09:00:00+08:00");
        events.add(early, LICENCE, "DECIDED", "2026-10-08T11:00:00+08:00", "ONLINE").put("decision", "APPROVED");
        String counter = ApprovalEvents.newCaseId("CTR");
        events.with(counter, LICENCE, "ACCEPTED", "2026-10-08T09:00:00+08:00");
        events.add(counter, LICENCE, "DECIDED", "2026-10-09T09:00:00+08:00", "ONLINE").put("decision", "APPROVED");
        events.add(counter, LICENCE, "COMPLETED", "2026-10-09T10:00:00+08:00", "COUNTER");
        assertThat(events.send("GD-AMR").get("accepted").asInt()).isEqualTo(7);

        assertThat(cases.find(refused).orElseThrow().cards()).extracting(ApprovalCard::colour, ApprovalCard::cause)
                .containsExactly(tuple(CardColour.RED, CardCause.REFUSED_WITHOUT_REASON));
        assertThat(cases.find(early).orElseThrow().cards()).extracting(ApprovalCard::cause)
                .containsExactly(CardCause.DECIDED_BEFORE_ACCEPTANCE);
        ApprovalCaseView completed = cases.find(counter).orElseThrow();
        assertThat(completed.cards()).extracting(ApprovalCard::cause)
                .containsExactly(CardCause.COUNTER_WHEN_ONLINE_REQUIRED);
        assertThat(completed.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(completed.usedWorkingDays()).isEqualTo(1);
    }

    @Test
    void aRedCardIsCheckedByTheThreeLevelsOfRulesLikeADeadlineBreach() throws Exception {
        CaseDriver.moveClockTo(Instant.parse("2026-10-09T08:00:00Z"));
        // Other tests may card GD-TD in October too: the rule that decides depends on the month's count.
        long before = cardCounts.redCardsSince("GD-TD", Instant.parse("2026-09-30T16:00:00Z"));
        String id = ApprovalEvents.newCaseId("RULE");
        events.with(id, "GD-TD-002", "ACCEPTED", "2026-10-08T09:00:00+08:00");
        events.add(id, "GD-TD-002", "DECIDED", "2026-10-09T09:00:00+08:00", "ONLINE").put("decision", "REFUSED");
        events.send("GD-TD");
        jobs.runDueJobs("AC-" + id);

        List<RuleDecision> decisions = rules.decisionsOf("AC-" + id);
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.getTrigger()).isEqualTo(RuleTrigger.RED_CARD);
            assertThat(d.getRedCards()).isEqualTo(before + 1);
            if (before + 1 < 3) {
                assertThat(d.getAction()).isEqualTo(RuleAction.WARN);
                assertThat(d.getRuleId()).isEqualTo("Rule_CommonRedCard");
            } else {
                assertThat(d.getAction()).isEqualTo(RuleAction.NOTICE);
                assertThat(d.getRuleId()).isEqualTo("Rule_CommonRepeatedRedCards");
            }
        });
        if (before + 1 < 3) {
            assertThat(mailsSentAbout("AC-" + id)).anyMatch(m -> m.subject().contains("效能预警")
                    && m.body().contains("/staff/approval-cases/" + id));
        }
    }

    @Test
    void eachBadEventOfABatchIsRefusedAloneWithItsCodeAndTheRestIsKept() throws Exception {
        CaseDriver.moveClockTo(Instant.parse("2026-10-09T08:00:00Z"));
        String id = ApprovalEvents.newCaseId("MIX");
        events.with(id, LICENCE, "SUBMITTED", "2026-10-08T09:00:00+08:00");
        events.add(id, LICENCE, "ACCEPTED", null, "ONLINE");
        events.with(ApprovalEvents.newCaseId("UNK"), "GD-AMR-999", "SUBMITTED", "2026-10-08T09:00:00+08:00");
        events.with(ApprovalEvents.newCaseId("DRC"), "GD-DRC-001", "SUBMITTED", "2026-10-08T09:00:00+08:00");
        events.with(id, LICENCE, "CORRECTION_RECEIVED", "2026-10-08T10:00:00+08:00");
        events.add(id, LICENCE, "REFUSED_AT_INTAKE", "2026-10-08T11:00:00+08:00", "ONLINE");
        events.batch().add(events.batch().get(0));
        JsonNode answer = events.send("GD-AMR");

        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("duplicates").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected")).extracting(r -> r.get("index").asInt(), r -> r.get("code").asText())
                .containsExactly(tuple(1, "INVALID"), tuple(2, "UNKNOWN_ITEM"), tuple(3, "WRONG_DEPARTMENT"),
                        tuple(4, "IMPOSSIBLE_TRANSITION"), tuple(5, "INVALID"));
        assertThat(answer.get("rejected").get(0).get("message").asText()).contains("occurredAt");
        assertThat(cases.find(id).orElseThrow().events()).hasSize(1);

        // The same batch again: everything kept before is a duplicate now.
        events.with(id, LICENCE, "SUBMITTED", "2026-10-08T09:00:00+08:00");
        events.batch().get(0).put("eventId", cases.find(id).orElseThrow().events().get(0).eventId());
        assertThat(events.send("GD-AMR").get("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void aSystemMaySendOnlyItsOwnDepartmentsEventsAndReadsNoCase() throws Exception {
        CaseDriver.moveClockTo(Instant.parse("2026-10-09T08:00:00Z"));
        String id = ApprovalEvents.newCaseId("OWN");
        events.with(id, LICENCE, "SUBMITTED", "2026-10-08T09:00:00+08:00").send("GD-AMR");
        events.with(id, LICENCE, "ACCEPTED", "2026-10-08T10:00:00+08:00");
        JsonNode answer = events.send("GD-DRC");
        assertThat(answer.get("rejected").get(0).get("code").asText()).isEqualTo("WRONG_DEPARTMENT");
        assertThat(cases.find(id).orElseThrow().status()).isEqualTo(CaseStatus.SUBMITTED);

        mvc.perform(get("/api/approval-cases/" + id).with(httpBasic("system-gd-amr", "system-gd-amr")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/approval-items?department=GD-AMR").with(httpBasic("system-gd-amr", "system-gd-amr")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[4].itemCode").value(LICENCE));
        mvc.perform(post("/api/approval-events").with(httpBasic("handler-gd-amr", "handler-gd-amr"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"events\": []}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/approval-events").contentType(MediaType.APPLICATION_JSON).content("{\"events\": []}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aMalformedOrOversizedBatchIsA400AndNothingIsKept() throws Exception {
        CaseDriver.moveClockTo(Instant.parse("2026-10-09T08:00:00Z"));
        String id = ApprovalEvents.newCaseId("BIG");
        for (int i = 0; i < 1001; i++) {
            events.with(id + "-" + i, LICENCE, "SUBMITTED", "2026-10-08T09:00:00+08:00");
        }
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                java.util.Map.of("events", events.batch()));
        var result = events.sendRaw("GD-AMR", body);
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(result.getResponse().getContentAsString()).contains("1001");
        assertThat(jdbc.queryForObject("select count(*) from approval_case where case_id like ?", Long.class,
                id + "%")).isZero();
        assertThat(events.sendRaw("GD-AMR", "{\"events\": [ {\"eventId\": ").getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void departmentsReadTheirOwnCasesAndTheOfficesEveryOne() throws Exception {
        CaseDriver.moveClockTo(Instant.parse("2026-10-09T08:00:00Z"));
        String id = ApprovalEvents.newCaseId("ACC");
        events.with(id, LICENCE, "SUBMITTED", "2026-10-08T09:00:00+08:00").send("GD-AMR");
        for (String user : List.of("handler-gd-amr", "supervisor", "evaluator", "demo")) {
            mvc.perform(get("/api/approval-cases/" + id).with(httpBasic(user, user))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.caseId").value(id)).andExpect(jsonPath("$.events.length()").value(1));
        }
        for (String user : List.of("handler-gd-drc", "inspector")) {
            mvc.perform(get("/api/approval-cases/" + id).with(httpBasic(user, user))).andExpect(status().isNotFound());
            mvc.perform(get("/api/approval-dashboard?department=GD-AMR").with(httpBasic(user, user)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/approval-cases?department=GD-AMR&size=100").with(httpBasic("handler-gd-drc",
                "handler-gd-drc"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/approval-cases?size=100").with(httpBasic("handler-gd-drc", "handler-gd-drc")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content[?(@.caseId == '" + id + "')]").isEmpty());
        mvc.perform(get("/api/approval-dashboard").with(httpBasic("handler-gd-amr", "handler-gd-amr")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/approval-dashboard").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fullyOnlineTarget").value(0.5));
        mvc.perform(get("/api/approval-dashboard?department=GD-AMR").with(httpBasic("handler-gd-amr",
                "handler-gd-amr"))).andExpect(status().isOk()).andExpect(jsonPath("$.openByStatus.SUBMITTED")
                .isNumber());
        mvc.perform(get("/api/approval-cases/" + id)).andExpect(status().isUnauthorized());
    }
}
