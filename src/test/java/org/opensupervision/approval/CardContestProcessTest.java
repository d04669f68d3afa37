package org.opensupervision.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.CoversEveryPathOf;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.ladder.StepEscalations;
import org.opensupervision.rules.ApprovalCardCounts;
import org.opensupervision.rules.ProcessJobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every path of {@code approval-card-contest}: a department contests a red card once; the supervision office
 * upholds it, or withdraws it (it then counts for no rule), or leaves the review past its due date and the head of
 * the office is offered it too. Runs in November 2026.
 */
@CoversEveryPathOf(CardContest.KEY)
class CardContestProcessTest extends IntegrationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApprovalCases cases;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessJobs jobs;
    @Autowired
    ApprovalCardCounts counts;

    ApprovalEvents events;

    @BeforeEach
    void inNovember() {
        init(engine);
        events = new ApprovalEvents(mvc);
        CaseDriver.moveClockTo(Instant.parse("2026-11-10T02:00:00Z"));
    }

    /** Five working days after Tuesday 10 November 2026 (the contest): the end of Tuesday 17 November. */
    static final Instant REVIEW_DUE = Instant.parse("2026-11-17T16:00:00Z");

    /** A case refused without a reason: a red card at once. */
    private ApprovalCard redCard(String prefix) throws Exception {
        String id = ApprovalEvents.newCaseId(prefix);
        events.with(id, "GD-HC-002", "ACCEPTED", "2026-11-09T09:00:00+08:00");
        events.add(id, "GD-HC-002", "DECIDED", "2026-11-10T09:00:00+08:00", "ONLINE").put("decision", "REFUSED");
        events.send("GD-HC");
        return cases.find(id).orElseThrow().cards().get(0);
    }

    private void contest(ApprovalCard card, String user) throws Exception {
        mvc.perform(post("/api/approval-cases/" + card.caseId() + "/cards/" + card.id() + "/contest")
                        .with(httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"理由已在决定书中写明，系统未同步 / The reason is in the decision letter\"}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("CONTESTED"));
    }

    private ProcessInstance contestOf(ApprovalCard card) {
        return jobs.instances(CardContest.KEY, "AC-" + card.caseId()).get(0);
    }

    private void decide(ProcessInstance instance, String decision) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        // The review form shows the card and the department in Chinese only (issue 16).
        assertThat(tasks.getVariable(task.getId(), CardContest.Var.CARD)).asString().matches("(红牌|黄牌)：.*")
                .doesNotContain(" / ", "card", "limit");
        assertThat(tasks.getVariable(task.getId(), CardContest.Var.DEPARTMENT_NAME)).asString().doesNotContain(" / ");
        identity.setAuthentication("supervisor", java.util.List.of("supervision-office"));
        try {
            tasks.complete(task.getId(), Map.of(CardContest.Var.DECISION, decision,
                    CardContest.Var.DECISION_REASON, "经核实 / Checked against the decision letter"));
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void anUpheldCardStandsAndTheDepartmentIsTold() throws Exception {
        ApprovalCard card = redCard("UPH");
        contest(card, "handler-gd-hc");
        ProcessInstance instance = contestOf(card);
        assertThat(instance).isWaitingAt(CardContest.REVIEW_TASK).task().hasCandidateGroup("supervision-office");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate())
                .isEqualTo(java.util.Date.from(Instant.parse("2026-11-17T16:00:00Z")));

        decide(instance, "UPHOLD");
        assertThat(instance).hasPassed("EndEvent_CardUpheld").isEnded();
        ApprovalCard decided = cases.find(card.caseId()).orElseThrow().cards().get(0);
        assertThat(decided.status()).isEqualTo(CardStatus.UPHELD);
        assertThat(decided.decidedBy()).isEqualTo("supervisor");
        assertThat(mailsSentAbout(card.caseId())).anyMatch(m -> m.subject().contains("申诉结果")
                && m.body().contains("维持"));
    }

    @Test
    void aWithdrawnCardCountsForNoRule() throws Exception {
        ApprovalCard card = redCard("WDR");
        Instant monthStart = Instant.parse("2026-10-31T16:00:00Z");
        long before = counts.redCardsSince("GD-HC", monthStart);
        contest(card, "handler-gd-hc");
        decide(contestOf(card), "WITHDRAW");
        assertThat(cases.find(card.caseId()).orElseThrow().cards().get(0).status()).isEqualTo(CardStatus.WITHDRAWN);
        assertThat(counts.redCardsSince("GD-HC", monthStart)).isEqualTo(before - 1);
    }

    @Test
    void aReviewLeftPastItsDueDateIsOfferedToTheHeadOfTheOffice() throws Exception {
        ApprovalCard card = redCard("ESC");
        contest(card, "handler-gd-hc");
        ProcessInstance instance = contestOf(card);
        CaseDriver.moveClockTo(Instant.parse("2026-11-17T16:00:01Z"));
        jobs.runDueJobs("AC-" + card.caseId());
        assertThat(instance).hasPassed("EndEvent_ContestReviewEscalated").isWaitingAt(CardContest.REVIEW_TASK)
                .task().hasCandidateGroup("supervision-head");
        // The ladder's one escalation: offered to the head at its priority, the office mailed with the contest's mail.
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getPriority())
                .isGreaterThanOrEqualTo(StepEscalations.ESCALATED_PRIORITY);
        assertThat(mailsSentAbout(card.caseId())).anyMatch(m -> m.subject().contains("申诉逾期未审"));
        decide(instance, "UPHOLD");
        assertThat(instance).isEnded();
    }

    @Test
    void aCardIsContestedOnceOnlyByItsDepartmentAndTheDecisionNeedsAReason() throws Exception {
        ApprovalCard card = redCard("ONCE");
        String path = "/api/approval-cases/" + card.caseId() + "/cards/" + card.id() + "/contest";
        mvc.perform(post(path).with(httpBasic("supervisor", "supervisor")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post(path).with(httpBasic("handler-gd-amr", "handler-gd-amr"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}")).andExpect(status().isNotFound());
        mvc.perform(post(path).with(httpBasic("handler-gd-hc", "handler-gd-hc")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \" \"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        contest(card, "handler-gd-hc");
        mvc.perform(post(path).with(httpBasic("handler-gd-hc", "handler-gd-hc")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"again\"}")).andExpect(status().isConflict());

        Task task = tasks.createTaskQuery().processInstanceId(contestOf(card).getId()).singleResult();
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(CardContest.Var.DECISION, "UPHOLD")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("「审核理由」");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(CardContest.Var.DECISION, "MAYBE",
                CardContest.Var.DECISION_REASON, "x"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("维持或撤销");
        decide(contestOf(card), "WITHDRAW");
    }
}
