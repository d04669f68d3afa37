package org.opensupervision.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.OwnsPeriod;
import org.opensupervision.OwnsPeriod.Cases;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.intake.AccessCodes;
import org.opensupervision.rules.ProcessJobs;
import org.opensupervision.rules.RuleAction;
import org.opensupervision.rules.RuleDecision;
import org.opensupervision.rules.RuleTrigger;
import org.opensupervision.rules.SupervisionRules;
import org.opensupervision.workflow.ComplaintProcess;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.opensupervision.workflow.SupervisionProcesses.RuleCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A bad rating asks the supervision rules to look at the department, so that repeated bad ratings alone (no deadline
 * breach, no spot check) get the department a supervision notice at the third and a referral to discipline at the
 * fifth in a month. Runs in April 2026, a month it owns ({@link OwnsPeriod}), with GD-TD, a department without
 * rules of its own.
 */
@OwnsPeriod(value = "2026-04", cases = Cases.COMPLAINTS,
        because = "counts bad ratings and breaches of the month for the rules")
class BadRatingRulesTest extends IntegrationTest {

    /** Monday 13 April 2026, 09:00 in Shanghai. */
    static final Instant APRIL_MONDAY = Instant.parse("2026-04-13T01:00:00Z");

    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseDriver cases;
    @Autowired
    ProcessJobs jobs;
    @Autowired
    RuntimeService runtime;
    @Autowired
    SupervisionRules rules;
    @Autowired
    AccessCodes accessCodes;
    @Autowired
    MockMvc mvc;

    private int filed;

    @BeforeEach
    void startInApril() {
        init(engine);
        CaseDriver.moveClockTo(APRIL_MONDAY);
    }

    /** A GD-TD case replied in time and rated by the complainant on the tracking page. */
    private String rated(int level) throws Exception {
        String tn = cases.file(CaseDriver.submission("GD-TD", "ATTITUDE", "rater-" + (++filed) + "@example.com"));
        cases.runDueJobs(tn);
        cases.complete(tn, ComplaintProcess.Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        cases.complete(tn, ComplaintProcess.Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理。"));
        cases.complete(tn, ComplaintProcess.Activity.HANDLING, Map.of("handlingAction", "REPLY",
                "replyText", "已答复。"));
        cases.complete(tn, ComplaintProcess.Activity.REVIEW_REPLY, Map.of("reviewDecision", "APPROVE"));
        jobs.runDueJobs(tn);
        mvc.perform(post("/api/public/complaints/{tn}/rating", tn).header("X-Access-Code", accessCodes.codeFor(tn))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"level\":" + level + "}"))
                .andExpect(status().isNoContent());
        jobs.runDueJobs(tn);
        return tn;
    }

    @Test
    void repeatedBadRatingsWithoutAnyBreachGetANoticeAndThenAnEscalationFromTheRules() throws Exception {
        String good = rated(4);
        assertThat(rules.decisionsOf(good)).isEmpty();

        for (int i = 1; i <= 2; i++) {
            String tn = rated(1);
            RuleDecision decision = single(rules.decisionsOf(tn));
            assertThat(decision.getTrigger()).isEqualTo(RuleTrigger.BAD_RATING);
            assertThat(decision.getBadRatings()).isEqualTo(i);
            assertThat(decision.getAction()).isEqualTo(RuleAction.NONE);
        }

        String third = rated(2);
        RuleDecision notice = single(rules.decisionsOf(third));
        assertThat(notice.getTrigger()).isEqualTo(RuleTrigger.BAD_RATING);
        assertThat(notice.getFirstFeedbackBreaches() + notice.getHandlingBreaches()).isZero();
        assertThat(notice.getBadRatings()).isEqualTo(3);
        assertThat(notice.getAction()).isEqualTo(RuleAction.NOTICE);
        assertThat(notice.getRuleId()).isEqualTo("Rule_CommonRepeatedBadRatings");
        assertThat(jobs.instances(RuleCheck.KEY, third)).singleElement()
                .satisfies(check -> assertThat(check).isWaitingAt(RuleCheck.NOTICE_TASK));

        rated(1);
        String fifth = rated(1);
        RuleDecision escalation = single(rules.decisionsOf(fifth));
        assertThat(escalation.getBadRatings()).isEqualTo(5);
        assertThat(escalation.getAction()).isEqualTo(RuleAction.ESCALATE);
        assertThat(escalation.getMatchedRules()).contains("Rule_DisciplineRepeatedBadRatings",
                "Rule_CommonRepeatedBadRatings");
        ProcessInstance discipline = single(jobs.instances(Discipline.KEY, fifth));
        assertThat(runtime.getVariables(discipline.getId()))
                .containsEntry(Discipline.SOURCE, "RULES").containsEntry("escalatedDepartmentCode", "GD-TD");
        assertThat((String) runtime.getVariable(discipline.getId(), "escalationReason"))
                .contains("Rule_DisciplineRepeatedBadRatings");
    }

    private static <T> T single(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
