package org.opensupervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opensupervision.IntegrationTest;
import org.opensupervision.OwnsPeriod;
import org.opensupervision.audit.AuditEntry;
import org.opensupervision.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The evaluation over hand-made months of 2025 it owns ({@link OwnsPeriod}): March (every formula, a department with
 * no cases), April (ties and the minimum sample), May (corrections before and after publication, then the public
 * column and its downloads), June and the year 2025 (the annual roll-up). Each indicator's right answer is worked out
 * next to its data. The tests run in order: the public column reads the May that the correction test published.
 */
@OwnsPeriod(value = {"2025-03", "2025-04", "2025-05", "2025-06"}, because = "evaluates these months")
@OwnsPeriod(value = "2025", departments = "GD-EE", because = "counts GD-EE's year exactly")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationTest extends IntegrationTest {

    private static final List<String> PERIODS = List.of("2025-03", "2025-04", "2025-05", "2025-06", "2025");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Evaluations evaluations;
    @Autowired
    AuditTrail audit;

    EvaluationData data;

    @BeforeAll
    void handMadeMonths() {
        data = new EvaluationData(jdbc);
        data.removeAll(PERIODS);
        // ---- March 2025, GD-DRC (the formulas) ----
        // Complaints received 4: c1 and c3 answered within 24 h, c2 after it, c4 never (due long ago): 2 of 4 on time.
        data.complaint("c1", "GD-DRC", "CLOSED", "2025-03-03T02:00:00Z", "2025-03-03T05:00:00Z",
                "2025-03-20T02:00:00Z", null, 0);
        data.complaint("c2", "GD-DRC", "CLOSED", "2025-03-04T02:00:00Z", "2025-03-05T03:00:00Z",
                "2025-03-25T02:00:00Z", "2025-03-24T02:00:00Z", 1);
        data.complaint("c3", "GD-DRC", "REJECTED", "2025-03-05T02:00:00Z", "2025-03-05T04:00:00Z", null, null, 0);
        data.complaint("c4", "GD-DRC", "REJECTED", "2025-03-06T02:00:00Z", null, null, null, 0);
        // Closed 2 (c1, c2): 1 without a handling breach, 1 returned for rework.
        // Ratings: rated in March r1 (5) and r2 (2): 1 of 2 satisfied; r3 defaulted: response 2 of 3; r4 voided.
        data.rating("r1", 1, "GD-DRC", "RATED", 5, "2025-03-21T02:00:00Z");
        data.rating("r2", 1, "GD-DRC", "RATED", 2, "2025-03-26T02:00:00Z", "2025-03-28T02:00:00Z",
                "2025-03-27T02:00:00Z");
        data.rating("r3", 1, "GD-DRC", "DEFAULTED", 3, "2025-03-29T02:00:00Z");
        data.rating("r4", 1, "GD-DRC", "VOIDED", 1, "2025-03-22T02:00:00Z");
        // Rectifications due in March: r2 on time, r5 (a February bad rating) late: 1 of 2.
        data.rating("r5", 1, "GD-DRC", "RATED", 1, "2025-02-27T02:00:00Z", "2025-03-10T02:00:00Z",
                "2025-03-12T02:00:00Z");
        // Spot checks recorded in March: 3 matched, 1 discrepancy (a pending one does not count): 3 of 4.
        data.spotChecks("GD-DRC", "2025-03-18T02:00:00Z",
                List.of("PASSED", "PASSED", "PASSED", "DISCREPANCY", "PENDING"));
        // Disciplinary outcomes decided in March: 通报批评 (5 points) and 提醒 (1 point): 6 points.
        data.disciplinaryOutcome("d1", "GD-DRC", "PUBLIC_CRITICISM", "2025-03-15T02:00:00Z");
        data.disciplinaryOutcome("d2", "GD-DRC", "REMINDER", "2025-03-16T02:00:00Z");
        // Approval cases: 4 applied for (3 online), 4 accepted; decided 3 (a1, a4 by the promised limit, a2 late);
        // completed 3 (a1 fully online, a2 at the counter, a4 completed at the counter); cards: a2 red, a4 yellow
        // (upheld), a3's yellow withdrawn: 2 cards per 4 accepted = 50 per 100.
        data.approvalCase("a1", "GD-DRC-001", "GD-DRC", "COMPLETED", "2025-03-03T02:00:00Z", "ONLINE",
                "2025-03-03T03:00:00Z", "2025-03-05T02:00:00Z", "2025-03-10T16:00:00Z", "2025-03-06T02:00:00Z",
                "ONLINE");
        long a2 = data.approvalCase("a2", "GD-DRC-001", "GD-DRC", "COMPLETED", "2025-03-04T02:00:00Z", "COUNTER",
                "2025-03-04T03:00:00Z", "2025-03-20T02:00:00Z", "2025-03-10T16:00:00Z", "2025-03-21T02:00:00Z",
                "COUNTER");
        long a3 = data.approvalCase("a3", "GD-DRC-001", "GD-DRC", "WITHDRAWN", "2025-03-05T02:00:00Z", "ONLINE",
                "2025-03-05T03:00:00Z", null, "2025-03-12T16:00:00Z", "2025-03-07T02:00:00Z", null);
        long a4 = data.approvalCase("a4", "GD-DRC-001", "GD-DRC", "COMPLETED", "2025-03-06T02:00:00Z", "ONLINE",
                "2025-03-06T03:00:00Z", "2025-03-07T02:00:00Z", "2025-03-12T16:00:00Z", "2025-03-08T02:00:00Z",
                "COUNTER");
        data.card(a2, "a2", "GD-DRC", "RED", "ACTIVE", "2025-03-11T02:00:00Z");
        data.card(a3, "a3", "GD-DRC", "YELLOW", "WITHDRAWN", "2025-03-06T02:00:00Z");
        data.card(a4, "a4", "GD-DRC", "YELLOW", "UPHELD", "2025-03-07T01:00:00Z");
        // ---- April 2025: EDU and PSD alike (tie), CAD lower ----
        for (String d : List.of("GD-EDU", "GD-PSD")) {
            data.rating(d + "-1", 1, d, "RATED", 5, "2025-04-10T02:00:00Z");
            data.rating(d + "-2", 1, d, "RATED", 4, "2025-04-11T02:00:00Z");
        }
        data.rating("cad-1", 1, "GD-CAD", "RATED", 5, "2025-04-10T02:00:00Z");
        data.rating("cad-2", 1, "GD-CAD", "RATED", 1, "2025-04-11T02:00:00Z");
        // ---- May 2025: HRSS, four real ratings, all satisfied ----
        for (int i = 1; i <= 4; i++) {
            data.rating("hrss-" + i, 1, "GD-HRSS", "RATED", 5, "2025-05-1" + i + "T02:00:00Z");
        }
        // ---- The year: EE unsatisfied once in March, satisfied twice in June ----
        data.rating("ee-1", 1, "GD-EE", "RATED", 1, "2025-03-12T02:00:00Z");
        data.rating("ee-2", 1, "GD-EE", "RATED", 5, "2025-06-12T02:00:00Z");
        data.rating("ee-3", 1, "GD-EE", "RATED", 5, "2025-06-13T02:00:00Z");
        // HRSS again in June: one satisfied real rating (100), to compare with May as published.
        data.rating("hrss-6", 1, "GD-HRSS", "RATED", 5, "2025-06-20T02:00:00Z");
    }

    @AfterAll
    void removeTheRows() {
        data.removeAll(PERIODS);
    }

    /** Every weight 1, every minimum 1 (the deduction 0), ceilings 100 cards per 100 and 2,000 complaints per 1,000. */
    private Map<String, Object> testRules(Map<Indicator, Long> minimumOverrides) {
        Map<Indicator, Double> weights = new EnumMap<>(Indicator.class);
        Map<Indicator, Long> minimum = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            weights.put(i, i == Indicator.DISCIPLINARY_DEDUCTION || i == Indicator.CATALOGUE_STANDARDISED ? 0.0 : 1.0);
            minimum.put(i, i == Indicator.DISCIPLINARY_DEDUCTION ? 0L : 1L);
        }
        minimum.putAll(minimumOverrides);
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("weights", weights);
        rules.put("minimumSamples", minimum);
        rules.put("ceilings", Map.of(Indicator.CARDS_PER_100, 100.0, Indicator.COMPLAINTS_PER_1000, 2000.0));
        rules.put("deductionPoints", EvaluationRules.defaults().deductionPoints());
        rules.put("excellentFrom", 90);
        rules.put("goodFrom", 80);
        rules.put("passFrom", 60);
        return rules;
    }

    private int useRules(Map<Indicator, Long> minimumOverrides) throws Exception {
        MvcResult result = mvc.perform(post("/api/evaluations/rules").with(httpBasic("evaluator", "evaluator"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "rules", testRules(minimumOverrides), "reason", "测试规则 / Test rules"))))
                .andExpect(status().isCreated()).andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("version").asInt();
    }

    private static void assertIndicator(DepartmentResult d, Indicator code, long numerator, long denominator,
                                        double value, Double score) {
        IndicatorResult i = d.indicator(code);
        assertThat(i.status()).as(code.name()).isEqualTo(IndicatorStatus.SCORED);
        assertThat(i.numerator()).as(code + " numerator").isEqualTo(numerator);
        assertThat(i.denominator()).as(code + " denominator").isEqualTo(denominator);
        assertThat(i.value()).as(code + " value").isCloseTo(value, within(1e-9));
        if (score == null) {
            assertThat(i.score()).isNull();
        } else {
            assertThat(i.score()).as(code + " score").isCloseTo(score, within(1e-9));
        }
        assertThat(i.dimension()).isEqualTo(code.dimension());
    }

    @Test
    @Order(1)
    void eachIndicatorIsItsFormulaOverTheMonthsCounts() throws Exception {
        int rules = useRules(Map.of());
        EvaluationResult march = evaluations.compute(new EvaluationPeriod("2025-03"), "evaluator");
        assertThat(march.ruleVersion()).isEqualTo(rules);
        assertThat(march.status()).isEqualTo("DRAFT");
        DepartmentResult drc = march.department("GD-DRC").orElseThrow();
        assertIndicator(drc, Indicator.FIRST_FEEDBACK_ON_TIME, 2, 4, 0.5, 50.0);
        assertIndicator(drc, Indicator.HANDLING_ON_TIME, 1, 2, 0.5, 50.0);
        assertIndicator(drc, Indicator.REWORK_RATE, 1, 2, 0.5, 50.0);
        assertIndicator(drc, Indicator.SPOT_CHECK_PASS, 3, 4, 0.75, 75.0);
        assertIndicator(drc, Indicator.SATISFACTION_RATE, 1, 2, 0.5, 50.0);
        assertIndicator(drc, Indicator.RATING_RESPONSE_RATE, 2, 3, 2.0 / 3, 66.67);
        assertIndicator(drc, Indicator.RECTIFICATION_ON_TIME, 1, 2, 0.5, 50.0);
        assertIndicator(drc, Indicator.CARDS_PER_100, 2, 4, 50.0, 50.0);
        assertIndicator(drc, Indicator.ONLINE_APPLICATION_SHARE, 3, 4, 0.75, 75.0);
        assertIndicator(drc, Indicator.FULLY_ONLINE_SHARE, 1, 3, 1.0 / 3, 33.33);
        assertIndicator(drc, Indicator.APPROVAL_ON_TIME, 2, 3, 2.0 / 3, 66.67);
        // 4 complaints received per 4 approval cases applied for = 1,000 per 1,000; half the ceiling of 2,000.
        assertIndicator(drc, Indicator.COMPLAINTS_PER_1000, 4, 4, 1000.0, 50.0);
        assertIndicator(drc, Indicator.DISCIPLINARY_DEDUCTION, 6, 2, 6.0, null);
        assertThat(drc.indicator(Indicator.CATALOGUE_STANDARDISED).status()).isEqualTo(IndicatorStatus.NOT_MEASURED);
        assertThat(drc.indicator(Indicator.CATALOGUE_STANDARDISED).value()).isNull();
        // Mean of the 12 scored indicators (each rounded to 2 decimals): 666.67 / 12 = 55.5558; less 6 points.
        assertThat(drc.score()).isEqualByComparingTo("49.56");
        assertThat(drc.grade()).isEqualTo(Grade.FAIL);
        // GD-EE's one March rating (不满意, response 1 of 1) scores (0 + 100) / 2 = 50.00: above GD-DRC.
        assertThat(march.department("GD-EE").orElseThrow().score()).isEqualByComparingTo("50.00");
        assertThat(drc.rank()).isEqualTo(2);
        assertThat(march.departments().get(0).departmentCode()).isEqualTo("GD-EE");
        // The 通报批评 of the month, at department level.
        assertThat(march.notices()).containsExactly(new PublicNotice("GD-DRC", java.time.LocalDate.of(2025, 3, 15)));
        // Not published: nothing public yet.
        mvc.perform(get("/api/public/rankings/2025-03")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:opensupervision:problem:not-found"));
    }

    @Test
    @Order(2)
    void aDepartmentWithNoCasesHasNoScoreRankOrGradeAndNoZeroes() {
        EvaluationResult march = evaluations.latest(new EvaluationPeriod("2025-03")).orElseThrow();
        DepartmentResult sdma = march.department("GD-SDMA").orElseThrow();
        assertThat(sdma.score()).isNull();
        assertThat(sdma.rank()).isNull();
        assertThat(sdma.grade()).isNull();
        for (IndicatorResult i : sdma.indicators()) {
            if (i.code() == Indicator.DISCIPLINARY_DEDUCTION) {
                assertThat(i.value()).isZero();
            } else {
                assertThat(i.status()).as(i.code().name()).isIn(IndicatorStatus.TOO_FEW, IndicatorStatus.NOT_MEASURED);
                assertThat(i.value()).as(i.code().name()).isNull();
                assertThat(i.score()).isNull();
            }
        }
        assertThat(march.departments().get(march.departments().size() - 1).rank()).isNull();
    }

    @Test
    @Order(3)
    void recomputingGivesTheSameNumbers() {
        EvaluationPeriod period = new EvaluationPeriod("2025-03");
        EvaluationResult first = evaluations.latest(period).orElseThrow();
        EvaluationResult again = evaluations.compute(period, "supervisor");
        assertThat(again.departments()).isEqualTo(first.departments());
        assertThat(again.version()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from evaluation_run where period = '2025-03'", Long.class))
                .isEqualTo(1);
    }

    @Test
    @Order(4)
    void equalScoresShareARankAndTheNextRankSkips() throws Exception {
        useRules(Map.of());
        // EDU and PSD: satisfaction 2/2 and response 2/2, score 100; CAD: satisfaction 1/2 (50), response 100: 75.
        JsonNode april = json.readTree(mvc.perform(post("/api/evaluations/2025-04/compute")
                .with(httpBasic("supervisor", "supervisor"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        april.get("departments").forEach(d -> byCode.put(d.get("departmentCode").asText(), d));
        assertThat(byCode.get("GD-EDU").get("score").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(byCode.get("GD-EDU").get("rank").asInt()).isEqualTo(1);
        assertThat(byCode.get("GD-PSD").get("rank").asInt()).isEqualTo(1);
        assertThat(byCode.get("GD-CAD").get("score").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(byCode.get("GD-CAD").get("rank").asInt()).isEqualTo(3);
        assertThat(byCode.get("GD-CAD").get("grade").asText()).isEqualTo("PASS");
        assertThat(byCode.get("GD-EDU").get("grade").asText()).isEqualTo("EXCELLENT");
        assertThat(april.get("departments").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(april.get("departments").get(2).get("departmentCode").asText()).isEqualTo("GD-CAD");
    }

    @Test
    @Order(5)
    void anIndicatorOnTooFewCasesIsNotScoredAndItsWeightGoesToTheOthers() throws Exception {
        int rules = useRules(Map.of(Indicator.SATISFACTION_RATE, 3L));
        EvaluationResult april = evaluations.compute(new EvaluationPeriod("2025-04"), "evaluator");
        assertThat(april.ruleVersion()).isEqualTo(rules);
        DepartmentResult cad = april.department("GD-CAD").orElseThrow();
        IndicatorResult satisfaction = cad.indicator(Indicator.SATISFACTION_RATE);
        assertThat(satisfaction.status()).isEqualTo(IndicatorStatus.TOO_FEW);
        assertThat(satisfaction.value()).as("still shown").isEqualTo(0.5);
        assertThat(satisfaction.score()).isNull();
        // Only the response rate (100) is scored now: the satisfaction's weight went to it.
        assertThat(cad.score()).isEqualByComparingTo("100.00");
        assertThat(cad.rank()).isEqualTo(1);
        assertThat(april.department("GD-EDU").orElseThrow().rank()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void theRulesAreVersionedValidatedAuditedAndTheOfficesOnly() throws Exception {
        int before = evaluations.latest(new EvaluationPeriod("2025-04")).orElseThrow().ruleVersion();
        Map<String, Object> bad = testRules(Map.of());
        bad.put("goodFrom", 95);
        bad.put("weights", Map.of("SATISFACTION_RATE", -1));
        mvc.perform(post("/api/evaluations/rules").with(httpBasic("evaluator", "evaluator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("rules", bad, "reason", " "))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'weights.SATISFACTION_RATE')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'excellentFrom')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'reason')]").exists());
        mvc.perform(post("/api/evaluations/rules").with(httpBasic("supervisor", "supervisor"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                        "rules", testRules(Map.of()), "reason", "x")))).andExpect(status().isForbidden());
        mvc.perform(post("/api/evaluations/2025-04/compute")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/evaluations/2025-04/compute").with(httpBasic("handler-gd-edu", "handler-gd-edu")))
                .andExpect(status().isForbidden());
        int next = useRules(Map.of());
        assertThat(next).isGreaterThan(before);
        mvc.perform(get("/api/evaluations/rules").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(next));
        mvc.perform(get("/api/evaluations/rules?version=" + before).with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.minimumSamples.SATISFACTION_RATE").value(3));
        List<AuditEntry> changes = audit.entriesOf(EvaluationRuleBook.AUDIT_KEY);
        AuditEntry last = changes.get(changes.size() - 1);
        assertThat(last.kind()).isEqualTo("EVALUATION_RULES_CHANGED");
        assertThat(last.actor()).isEqualTo("evaluator");
        assertThat(last.reason()).isEqualTo("测试规则 / Test rules");
        assertThat(audit.verify(EvaluationRuleBook.AUDIT_KEY).intact()).isTrue();
        assertThat(evaluations.compute(new EvaluationPeriod("2025-04"), null).ruleVersion()).isEqualTo(next);
    }

    @Test
    @Order(7)
    void aCorrectionBeforePublicationChangesTheDraftAndOneAfterIsANewVersionBothVisible() throws Exception {
        useRules(Map.of());
        EvaluationPeriod may = new EvaluationPeriod("2025-05");
        EvaluationResult draft = evaluations.compute(may, "evaluator");
        assertThat(draft.department("GD-HRSS").orElseThrow().score()).isEqualByComparingTo("100.00");
        // Before publication: 2 of the 4 ratings were the same person's twice (say); the draft changes.
        mvc.perform(post("/api/evaluations/2025-05/corrections").with(httpBasic("evaluator", "evaluator"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "departmentCode", "GD-HRSS", "indicator", "SATISFACTION_RATE", "numerator", 2,
                                "denominator", 4, "reason", "两条评价重复计入 / Two ratings were counted twice"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.corrections[0].originalNumerator").value(4))
                .andExpect(jsonPath("$.corrections[0].correctedBy").value("evaluator"));
        EvaluationResult corrected = evaluations.latest(may).orElseThrow();
        DepartmentResult hrss = corrected.department("GD-HRSS").orElseThrow();
        assertThat(hrss.indicator(Indicator.SATISFACTION_RATE).value()).isEqualTo(0.5);
        assertThat(hrss.indicator(Indicator.SATISFACTION_RATE).corrected()).isTrue();
        assertThat(hrss.score()).isEqualByComparingTo("75.00");
        assertThat(evaluations.compute(may, null).department("GD-HRSS").orElseThrow().score())
                .as("a recomputation keeps the correction").isEqualByComparingTo("75.00");
        // Wrong corrections are refused field by field, nothing kept.
        mvc.perform(post("/api/evaluations/2025-05/corrections").with(httpBasic("evaluator", "evaluator"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "departmentCode", "GD-XXX", "indicator", "CATALOGUE_STANDARDISED", "numerator", 5,
                                "denominator", 4, "reason", ""))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'departmentCode')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'reason')]").exists());
        mvc.perform(post("/api/evaluations/2025-05/publish").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/evaluations/2025-05/publish").with(httpBasic("evaluator", "evaluator")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(post("/api/evaluations/2025-05/compute").with(httpBasic("evaluator", "evaluator")))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/public/rankings/2025-05")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        // After publication: a new version with its reason; the first stays as it was.
        mvc.perform(post("/api/evaluations/2025-05/corrections").with(httpBasic("evaluator", "evaluator"))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                                "departmentCode", "GD-HRSS", "indicator", "SATISFACTION_RATE", "numerator", 3,
                                "denominator", 4, "reason", "复核后一条评价有效 / One rating was valid after all"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        JsonNode latest = json.readTree(mvc.perform(get("/api/public/rankings/2025-05")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("corrections")).hasSize(2);
        assertThat(latest.get("corrections").get(1).get("afterPublication").asBoolean()).isTrue();
        assertThat(latest.get("corrections").get(1).get("reason").asText()).contains("复核");
        assertThat(latest.get("corrections").get(1).get("correctedBy").isNull()).as("no staff name in public").isTrue();
        assertThat(department(latest, "GD-HRSS").get("score").decimalValue()).isEqualByComparingTo("87.50");
        JsonNode first = json.readTree(mvc.perform(get("/api/public/rankings/2025-05?version=1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(department(first, "GD-HRSS").get("score").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(first.get("corrections")).hasSize(1);
        // The database itself keeps a published version as it is (H2 and PostgreSQL triggers).
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "update evaluation_run set result = '{}' where period = '2025-05' and version = 1"))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "update evaluation_correction set reason = 'x' where period = '2025-05'"))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(audit.entriesOf(Evaluations.auditKey(may)).stream().map(AuditEntry::kind).toList())
                .containsSubsequence("EVALUATION_CORRECTED", "EVALUATION_PUBLISHED", "EVALUATION_CORRECTED");
    }

    private static JsonNode department(JsonNode ranking, String code) {
        for (JsonNode d : ranking.get("departments")) {
            if (d.get("departmentCode").asText().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no " + code);
    }

    @Test
    @Order(8)
    void thePublicColumnShowsThePublishedPeriodToAnybodyWithDownloadsAndCaching() throws Exception {
        JsonNode ranking = json.readTree(mvc.perform(get("/api/public/rankings/2025-05"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2025-05"))
                .andExpect(jsonPath("$.ruleVersion").isNumber())
                .andExpect(jsonPath("$.publishedAt").isString())
                .andReturn().getResponse().getContentAsString());
        JsonNode hrss = department(ranking, "GD-HRSS");
        assertThat(hrss.get("departmentName").asText()).isEqualTo("省人力资源和社会保障厅");
        assertThat(hrss.get("rank").asInt()).isEqualTo(1);
        assertThat(hrss.get("grade").asText()).isEqualTo("GOOD");
        assertThat(hrss.has("change")).isTrue();
        JsonNode satisfaction = null;
        for (JsonNode i : hrss.get("indicators")) {
            if (i.get("code").asText().equals("SATISFACTION_RATE")) {
                satisfaction = i;
            }
            assertThat(i.get("status").asText()).isIn("SCORED", "TOO_FEW", "NOT_MEASURED");
        }
        assertThat(satisfaction.get("dimension").asText()).isEqualTo("SERVICE_SATISFACTION");
        assertThat(satisfaction.get("value").asDouble()).isEqualTo(0.75);
        assertThat(satisfaction.get("numerator").asLong()).isEqualTo(3);
        assertThat(satisfaction.get("denominator").asLong()).isEqualTo(4);

        // Caching: the ETag answers 304; the latest version for minutes, a named version for good.
        MvcResult json1 = mvc.perform(get("/api/public/rankings/2025-05")).andReturn();
        String etag = json1.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(json1.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("max-age=300", "public");
        mvc.perform(get("/api/public/rankings/2025-05").header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified());
        // A cache revalidating with a list of tags, or with the tag marked weak, gets the 304 too.
        mvc.perform(get("/api/public/rankings/2025-05").header(HttpHeaders.IF_NONE_MATCH, "\"other\", W/" + etag))
                .andExpect(status().isNotModified());
        mvc.perform(get("/api/public/rankings/2025-05").header(HttpHeaders.IF_NONE_MATCH, "\"other\""))
                .andExpect(status().isOk());
        // The language follows the lang cookie as well as Accept-Language: shared caches keep them apart.
        assertThat(json1.getResponse().getHeader(HttpHeaders.VARY)).contains("Accept-Language", "Cookie");
        assertThat(mvc.perform(get("/api/public/rankings/2025-05?version=1")).andReturn().getResponse()
                .getHeader(HttpHeaders.CACHE_CONTROL)).contains("immutable");

        // CSV.
        MvcResult csv = mvc.perform(get("/api/public/rankings/2025-05.csv")).andExpect(status().isOk()).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFperiod,version,ruleVersion,departmentCode");
        assertThat(text).contains("2025-05,2,").contains("GD-HRSS,省人力资源和社会保障厅,1,87.50,良好")
                .contains("SATISFACTION_RATE,服务满意度,SCORED,0.75,3,4");

        // XLSX, read back with POI.
        MvcResult xlsx = mvc.perform(get("/api/public/rankings/2025-05.xlsx?lang=en")).andExpect(status().isOk())
                .andReturn();
        assertThat(xlsx.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("ranking-2025-05.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse()
                .getContentAsByteArray()))) {
            Sheet sheet = book.getSheet("Ranking");
            Row header = sheet.getRow(0);
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("departmentCode");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("GD-HRSS");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("Human Resources and Social Security Department");
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(87.5);
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo("Good");
            assertThat(book.getSheet("Corrections").getRow(2).getCell(7).getStringCellValue()).contains("valid");
        }

        // The pages, with no login.
        String index = mvc.perform(get("/supervision")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(index).contains("效能监督栏目").contains("/supervision/2025-05");
        String page = mvc.perform(get("/supervision/2025-05")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("<svg").contains("省人力资源和社会保障厅").contains("87.50").contains("良好")
                .contains("/api/public/rankings/2025-05.xlsx").contains("复核后一条评价有效");
        String english = mvc.perform(get("/supervision/2025-05?lang=en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(english).contains("Human Resources and Social Security Department").contains("Good");
        String department = mvc.perform(get("/supervision/2025-05/GD-HRSS")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(department).contains(Indicator.SATISFACTION_RATE.formula(false)).contains("<circle")
                .doesNotContain(Indicator.SATISFACTION_RATE.formula(true));
        mvc.perform(get("/supervision/2025-04")).andExpect(status().isNotFound());
        mvc.perform(get("/api/public/rankings/2025-04.csv")).andExpect(status().isNotFound());
        mvc.perform(get("/supervision/2025-05/GD-NOPE")).andExpect(status().isNotFound());
        // Staff see the draft of April; the public does not.
        assertThat(mvc.perform(get("/staff/evaluations/2025-04").with(httpBasic("evaluator", "evaluator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("草稿");
        mvc.perform(get("/staff/evaluations/2025-04")).andExpect(status().isUnauthorized());
        // Two periods side by side, for staff: April's draft against May as published.
        JsonNode comparison = json.readTree(mvc.perform(get("/api/evaluations/compare?a=2025-04&b=2025-05")
                .with(httpBasic("supervisor", "supervisor"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.statusA").value("DRAFT")).andExpect(jsonPath("$.statusB").value("PUBLISHED"))
                .andReturn().getResponse().getContentAsString());
        for (JsonNode row : comparison.get("departments")) {
            if (row.get("departmentCode").asText().equals("GD-HRSS")) {
                assertThat(row.get("scoreB").decimalValue()).isEqualByComparingTo("87.50");
                assertThat(row.has("scoreA") && !row.get("scoreA").isNull()).isFalse();
            }
        }
        assertThat(mvc.perform(get("/staff/evaluations/compare?a=2025-04&b=2025-05")
                .with(httpBasic("evaluator", "evaluator"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("省人力资源和社会保障厅").contains("87.50");
        mvc.perform(get("/api/evaluations/compare?a=2025-04&b=2025-05")
                .with(httpBasic("handler-gd-hrss", "handler-gd-hrss"))).andExpect(status().isForbidden());
        // The staff list of computed periods, and recomputing from its form (a published period is only shown).
        mvc.perform(post("/staff/evaluations").param("period", "2025-04").with(httpBasic("evaluator", "evaluator"))
                .with(csrf())).andExpect(redirectedUrl("/staff/evaluations/2025-04"));
        mvc.perform(post("/staff/evaluations").param("period", "2025-05").with(httpBasic("supervisor", "supervisor"))
                .with(csrf())).andExpect(redirectedUrl("/staff/evaluations/2025-05"));
        assertThat(evaluations.published(new EvaluationPeriod("2025-05")).orElseThrow().version()).isEqualTo(2);
        assertThat(mvc.perform(get("/staff/evaluations").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("/staff/evaluations/2025-04").contains("/staff/evaluations/2025-05").contains("草稿");
        mvc.perform(get("/api/evaluations/compare?a=2025-4&b=2025-05").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"));
        // A period that has not ended is not computed: its figures would be partial, and could be published.
        String thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        mvc.perform(post("/api/evaluations/" + thisMonth + "/compute").with(httpBasic("supervisor", "supervisor")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("period"))
                .andExpect(jsonPath("$.errors[0].code").value("notEnded"));
        mvc.perform(post("/staff/evaluations").param("period", "2099").with(httpBasic("supervisor", "supervisor"))
                .with(csrf())).andExpect(status().isBadRequest());
        assertThat(evaluations.latest(new EvaluationPeriod(thisMonth))).isEmpty();
    }

    @Test
    @Order(9)
    void theYearAddsUpItsMonthsTakingAPublishedMonthAsPublished() throws Exception {
        useRules(Map.of());
        EvaluationPeriod june = new EvaluationPeriod("2025-06");
        evaluations.compute(june, "evaluator");
        // EE in June: 2 of 2 satisfied, corrected to 1 of 2 before publication, then published.
        evaluations.correct(june, new CorrectionRequest("GD-EE", "SATISFACTION_RATE", 1L, 2L, "抽查发现一条无效"),
                "evaluator");
        evaluations.publish(june, "evaluator");
        // The change since May as published (version 2: 87.50).
        EvaluationResult publishedJune = evaluations.published(june).orElseThrow();
        assertThat(publishedJune.department("GD-HRSS").orElseThrow().score()).isEqualByComparingTo("100.00");
        assertThat(publishedJune.department("GD-HRSS").orElseThrow().change()).isEqualByComparingTo("12.50");
        assertThat(publishedJune.department("GD-EE").orElseThrow().change()).as("no May score").isNull();
        EvaluationResult year = evaluations.compute(new EvaluationPeriod("2025"), "evaluator");
        DepartmentResult ee = year.department("GD-EE").orElseThrow();
        // March from the data (0 of 1) plus June as published (1 of 2): 1 of 3.
        assertThat(ee.indicator(Indicator.SATISFACTION_RATE).numerator()).isEqualTo(1);
        assertThat(ee.indicator(Indicator.SATISFACTION_RATE).denominator()).isEqualTo(3);
        assertThat(ee.indicator(Indicator.RATING_RESPONSE_RATE).denominator()).isEqualTo(3);
        // GD-DRC's March counts carry into the year as they are.
        DepartmentResult drc = year.department("GD-DRC").orElseThrow();
        assertThat(drc.indicator(Indicator.FIRST_FEEDBACK_ON_TIME).denominator()).isGreaterThanOrEqualTo(4);
        assertThat(drc.indicator(Indicator.DISCIPLINARY_DEDUCTION).numerator()).isGreaterThanOrEqualTo(6);
        assertThat(year.notices()).contains(new PublicNotice("GD-DRC", java.time.LocalDate.of(2025, 3, 15)));
        evaluations.publish(new EvaluationPeriod("2025"), "evaluator");
        String annual = mvc.perform(get("/api/public/rankings/2025")).andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2025"))
                .andExpect(jsonPath("$.notices[0].departmentCode").value("GD-DRC"))
                .andExpect(jsonPath("$.notices[0].outcome").value("通报批评"))
                .andExpect(jsonPath("$.notices[0].decidedOn").value("2025-03-15"))
                .andReturn().getResponse().getContentAsString();
        assertThat(annual).as("a notice names no case and no person").doesNotContain(EvaluationData.PREFIX);
        assertThat(mvc.perform(get("/supervision/2025/GD-EE")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("<svg");
    }
}
