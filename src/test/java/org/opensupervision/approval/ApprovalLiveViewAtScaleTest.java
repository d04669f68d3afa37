package org.opensupervision.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.OwnsPeriod;
import org.opensupervision.OwnsPeriod.Cases;
import org.opensupervision.handling.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the live view and the list read in the forms written for a province's volume (docs/benchmarks.md): the open
 * cases by stage kept by the intake instead of counted, and the overdue list read from the undecided cases' index.
 * Items of GD-EE, in December 2026, which it owns ({@link OwnsPeriod}).
 */
@OwnsPeriod(value = "2026-12", departments = "GD-EE", cases = Cases.APPROVAL,
        because = "reads the live view and the overdue list of the department")
class ApprovalLiveViewAtScaleTest extends IntegrationTest {

    /** 排污许可证变更: promised 10, statutory 20, acceptance 3, delivery 5 working days, stops at most 30, online. */
    static final String PERMIT = "GD-EE-005";
    static final String DEPARTMENT = "GD-EE";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApprovalCases cases;
    @Autowired
    JdbcTemplate jdbc;

    ApprovalEvents events;

    @BeforeEach
    void inDecember() {
        events = new ApprovalEvents(mvc);
        CaseDriver.moveClockTo(Instant.parse("2026-12-15T02:00:00Z"));
    }

    @Test
    void theOpenCasesByStageFollowEveryNewChangedClosedAndReplayedCase() throws Exception {
        assertCountsAreTheCases();
        String submitted = ApprovalEvents.newCaseId("CNT");
        String corrected = ApprovalEvents.newCaseId("CNT");
        String completed = ApprovalEvents.newCaseId("CNT");
        String refused = ApprovalEvents.newCaseId("CNT");
        events.with(submitted, PERMIT, "SUBMITTED", "2026-12-07T09:00:00+08:00")
                .with(corrected, PERMIT, "SUBMITTED", "2026-12-07T09:00:00+08:00")
                .with(corrected, PERMIT, "ACCEPTED", "2026-12-07T10:00:00+08:00")
                .with(corrected, PERMIT, "CORRECTION_REQUESTED", "2026-12-07T14:00:00+08:00")
                .with(completed, PERMIT, "SUBMITTED", "2026-12-07T09:00:00+08:00")
                .with(completed, PERMIT, "ACCEPTED", "2026-12-07T10:00:00+08:00")
                .with(refused, PERMIT, "SUBMITTED", "2026-12-07T09:00:00+08:00");
        events.batch().get(3).put("reason", "缺少材料 / Documents missing");
        assertThat(events.send(DEPARTMENT).get("accepted").asInt()).isEqualTo(7);
        Map<CaseStatus, Long> before = assertCountsAreTheCases();

        events.with(corrected, PERMIT, "CORRECTION_RECEIVED", "2026-12-08T09:00:00+08:00")
                .with(completed, PERMIT, "COMPLETED", "2026-12-08T09:00:00+08:00");
        events.add(completed, PERMIT, "DECIDED", "2026-12-08T08:00:00+08:00", "ONLINE").put("decision", "APPROVED");
        events.add(refused, PERMIT, "REFUSED_AT_INTAKE", "2026-12-08T09:00:00+08:00", "ONLINE")
                .put("reason", "不属于本机关职权范围 / Not within this authority's remit");
        assertThat(events.send(DEPARTMENT).get("accepted").asInt()).isEqualTo(4);
        Map<CaseStatus, Long> after = assertCountsAreTheCases();
        assertThat(after.getOrDefault(CaseStatus.SUBMITTED, 0L)).isEqualTo(before.get(CaseStatus.SUBMITTED) - 1);
        assertThat(after.getOrDefault(CaseStatus.CORRECTION, 0L)).isEqualTo(before.get(CaseStatus.CORRECTION) - 1);
        assertThat(after.get(CaseStatus.ACCEPTED)).isEqualTo(before.get(CaseStatus.ACCEPTED));

        // A late special procedure inside the correction: the replay leaves it open after the correction ended.
        events.add(corrected, PERMIT, "SPECIAL_PROCEDURE_STARTED", "2026-12-07T15:00:00+08:00", "ONLINE")
                .put("procedure", "HEARING");
        JsonNode late = events.send(DEPARTMENT);
        assertThat(late.get("accepted").asInt()).isEqualTo(1);
        assertThat(cases.find(corrected).orElseThrow().status()).isEqualTo(CaseStatus.SPECIAL_PROCEDURE);
        Map<CaseStatus, Long> replayed = assertCountsAreTheCases();
        assertThat(replayed.get(CaseStatus.SPECIAL_PROCEDURE)).isEqualTo(
                after.getOrDefault(CaseStatus.SPECIAL_PROCEDURE, 0L) + 1);
    }

    @Test
    void theOverdueListHoldsTheOpenUndecidedCasesPastTheirPromisedLimitNewestFirst() throws Exception {
        String older = ApprovalEvents.newCaseId("OVD");
        String newer = ApprovalEvents.newCaseId("OVD");
        String decided = ApprovalEvents.newCaseId("OVD");
        String inTime = ApprovalEvents.newCaseId("OVD");
        for (String id : List.of(older, newer, decided)) {
            events.with(id, PERMIT, "SUBMITTED", "2026-11-02T09:00:00+08:00")
                    .with(id, PERMIT, "ACCEPTED", "2026-11-02T10:00:00+08:00");
        }
        events.add(decided, PERMIT, "DECIDED", "2026-11-20T10:00:00+08:00", "ONLINE").put("decision", "APPROVED");
        events.with(inTime, PERMIT, "SUBMITTED", "2026-12-14T09:00:00+08:00")
                .with(inTime, PERMIT, "ACCEPTED", "2026-12-14T10:00:00+08:00");
        events.send(DEPARTMENT);

        List<String> overdue = cases.list(new ApprovalCaseQuery(DEPARTMENT, null, true, null, 0, 100), null)
                .getContent().stream().map(ApprovalCaseSummary::caseId).toList();
        assertThat(overdue).contains(older, newer).doesNotContain(decided, inTime);
        assertThat(overdue.indexOf(newer)).isLessThan(overdue.indexOf(older));
        var firstPage = cases.list(new ApprovalCaseQuery(DEPARTMENT, null, true, null, 0, 1), null);
        assertThat(firstPage.getContent()).hasSize(1);
        assertThat(firstPage.getContent().get(0).overdue()).isTrue();
        assertThat(firstPage.hasNext()).isTrue();
        assertThat(cases.list(new ApprovalCaseQuery(DEPARTMENT, null, true, null, 1, 1), null).getContent()
                .get(0).caseId()).isNotEqualTo(firstPage.getContent().get(0).caseId());
    }

    /** The live view's open cases by stage equal the open cases counted in the table; returns them. */
    private Map<CaseStatus, Long> assertCountsAreTheCases() {
        Map<CaseStatus, Long> counted = new EnumMap<>(CaseStatus.class);
        jdbc.query("select status, count(*) as n from approval_case where is_open = true and department_code = ?"
                + " group by status", rs -> {
                    counted.put(CaseStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                }, DEPARTMENT);
        assertThat(cases.dashboard(DEPARTMENT).openByStatus()).isEqualTo(counted);
        return counted;
    }
}
