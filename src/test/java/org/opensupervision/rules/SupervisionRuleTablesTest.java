package org.opensupervision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each rule table on its own (one row of facts and the rules expected to match, with what they decide), then the
 * three levels together: a stricter department rule wins over the common one, and the discipline rules apply to every
 * department.
 */
class SupervisionRuleTablesTest extends IntegrationTest {

    @Autowired
    DecisionService decisions;
    @Autowired
    RepositoryService repository;
    @Autowired
    MatchedRuleCapture capture;
    @Autowired
    SupervisionRules rules;

    /** The rules of one table that match the facts, as {@code ruleId:ACTION:severity}, in table order. */
    private List<String> matches(String table, RuleFacts facts) {
        List<DmnDecisionTableEvaluationEvent> events = capture.during(() ->
                decisions.evaluateDecisionByKey(table).variables(facts.variables()).evaluate());
        assertThat(events).hasSize(1);
        return events.get(0).getMatchingRules().stream().map(rule -> {
            var out = rule.getOutputEntries().values().stream()
                    .collect(java.util.stream.Collectors.toMap(o -> o.getOutputName(), o -> o.getValue().getValue()));
            return rule.getId() + ":" + out.get("action") + ":" + out.get("severity");
        }).toList();
    }

    private static RuleFacts facts(String department, String trigger, String category, long ff, long hb, long bad,
                                   long discrepancies) {
        return new RuleFacts(RuleTrigger.valueOf(trigger), category, department, ff, hb, bad, discrepancies);
    }

    private static List<String> expected(String matches) {
        return "-".equals(matches) ? List.of() : Arrays.asList(matches.trim().split("\\s+"));
    }

    @ParameterizedTest(name = "common: {0} {1} ff={2} hb={3} bad={4} disc={5} -> {6}")
    @CsvSource({
            "FIRST_FEEDBACK_BREACH,  OTHER,       1, 0, 0, 0, Rule_CommonFirstFeedbackBreach:WARN:1",
            "FIRST_FEEDBACK_BREACH,  OTHER,       3, 0, 0, 0, Rule_CommonRepeatedFirstFeedbackBreaches:NOTICE:2",
            "HANDLING_BREACH,        SLOW_ACTION, 0, 1, 0, 0, Rule_CommonHandlingBreach:WARN:1",
            "HANDLING_BREACH,        SLOW_ACTION, 0, 2, 0, 0, Rule_CommonRepeatedHandlingBreaches:NOTICE:2",
            "SPOT_CHECK_DISCREPANCY, ATTITUDE,    0, 0, 0, 1, Rule_CommonSpotCheckDiscrepancy:NOTICE:2",
            "FIRST_FEEDBACK_BREACH,  OTHER,       1, 0, 3, 0, Rule_CommonFirstFeedbackBreach:WARN:1 Rule_CommonRepeatedBadRatings:NOTICE:2",
            "SPOT_CHECK_DISCREPANCY, OTHER,       3, 2, 3, 1, Rule_CommonRepeatedFirstFeedbackBreaches:NOTICE:2 Rule_CommonRepeatedHandlingBreaches:NOTICE:2 Rule_CommonSpotCheckDiscrepancy:NOTICE:2 Rule_CommonRepeatedBadRatings:NOTICE:2",
            "BAD_RATING,             ATTITUDE,    0, 0, 2, 0, -",
            "BAD_RATING,             ATTITUDE,    0, 0, 3, 0, Rule_CommonRepeatedBadRatings:NOTICE:2"
    })
    void commonRules(String trigger, String category, long ff, long hb, long bad, long disc, String matches) {
        assertThat(matches("supervision-rules-common", facts("GD-EDU", trigger, category, ff, hb, bad, disc)))
                .containsExactlyElementsOf(expected(matches));
    }

    @ParameterizedTest(name = "discipline: {0} {1} ff={2} hb={3} bad={4} disc={5} -> {6}")
    @CsvSource({
            "FIRST_FEEDBACK_BREACH,  OTHER,     4, 2, 4, 1, -",
            "FIRST_FEEDBACK_BREACH,  OTHER,     5, 0, 0, 0, Rule_DisciplinePersistentFirstFeedbackBreaches:ESCALATE:3",
            "HANDLING_BREACH,        OTHER,     0, 3, 0, 0, Rule_DisciplinePersistentHandlingBreaches:ESCALATE:3",
            "SPOT_CHECK_DISCREPANCY, ATTITUDE,  0, 0, 0, 2, Rule_DisciplineRepeatedDiscrepancies:ESCALATE:3",
            "SPOT_CHECK_DISCREPANCY, INTEGRITY, 0, 0, 0, 1, Rule_DisciplineIntegrityDiscrepancy:ESCALATE:3",
            "HANDLING_BREACH,        INTEGRITY, 0, 1, 0, 0, -",
            "FIRST_FEEDBACK_BREACH,  OTHER,     0, 0, 5, 0, Rule_DisciplineRepeatedBadRatings:ESCALATE:2",
            "BAD_RATING,             ATTITUDE,  0, 0, 4, 0, -",
            "BAD_RATING,             ATTITUDE,  0, 0, 5, 0, Rule_DisciplineRepeatedBadRatings:ESCALATE:2",
            "CRITICISM_IGNORED,      OTHER,     0, 1, 0, 0, Rule_DisciplineCriticismIgnored:ESCALATE:2"
    })
    void disciplineRules(String trigger, String category, long ff, long hb, long bad, long disc, String matches) {
        assertThat(matches("supervision-rules-discipline", facts("GD-EDU", trigger, category, ff, hb, bad, disc)))
                .containsExactlyElementsOf(expected(matches));
    }

    @ParameterizedTest(name = "GD-AMR: {0} {1} ff={2} hb={3} bad={4} disc={5} -> {6}")
    @CsvSource({
            "FIRST_FEEDBACK_BREACH,  OTHER,     1, 1, 0, 0, -",
            "FIRST_FEEDBACK_BREACH,  OTHER,     2, 0, 0, 0, Rule_GdAmrTwoFirstFeedbackBreaches:NOTICE:2",
            "HANDLING_BREACH,        OTHER,     0, 2, 0, 0, Rule_GdAmrRepeatedHandlingBreaches:ESCALATE:2",
            "HANDLING_BREACH,        INTEGRITY, 0, 1, 0, 0, Rule_GdAmrIntegrityBreach:NOTICE:3",
            "FIRST_FEEDBACK_BREACH,  INTEGRITY, 0, 0, 0, 0, Rule_GdAmrIntegrityBreach:NOTICE:3",
            "SPOT_CHECK_DISCREPANCY, INTEGRITY, 0, 0, 0, 1, -",
            "BAD_RATING,             INTEGRITY, 0, 0, 3, 0, -"
    })
    void departmentRulesOfGdAmr(String trigger, String category, long ff, long hb, long bad, long disc,
                                String matches) {
        assertThat(matches("supervision-rules-dept-gd-amr", facts("GD-AMR", trigger, category, ff, hb, bad, disc)))
                .containsExactlyElementsOf(expected(matches));
    }

    @Test
    void aStricterDepartmentRuleWinsOverTheCommonRuleAndIsRecordedWithItsTableVersion() {
        RuleVerdict verdict = rules.evaluate(facts("GD-AMR", "FIRST_FEEDBACK_BREACH", "OTHER", 2, 0, 0, 0));

        DecisionDefinition table = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey("supervision-rules-dept-gd-amr").latestVersion().singleResult();
        assertThat(verdict.action()).isEqualTo(RuleAction.NOTICE);
        assertThat(verdict.severity()).isEqualTo(2);
        MatchedRule decidedBy = verdict.decidedBy();
        assertThat(decidedBy.level()).isEqualTo(RuleLevel.DEPARTMENT);
        assertThat(decidedBy.ruleId()).isEqualTo("Rule_GdAmrTwoFirstFeedbackBreaches");
        assertThat(decidedBy.decisionDefinitionId()).isEqualTo(table.getId());
        assertThat(decidedBy.version()).isEqualTo(table.getVersion());
        assertThat(verdict.matched()).extracting(MatchedRule::ruleId)
                .containsExactly("Rule_GdAmrTwoFirstFeedbackBreaches", "Rule_CommonFirstFeedbackBreach");
        assertThat(verdict.evaluatedTables()).hasSize(3);
    }

    @Test
    void aDepartmentsRulesApplyToThatDepartmentOnly() {
        RuleVerdict verdict = rules.evaluate(facts("GD-EDU", "FIRST_FEEDBACK_BREACH", "OTHER", 2, 0, 0, 0));

        assertThat(verdict.action()).isEqualTo(RuleAction.WARN);
        assertThat(verdict.decidedBy().level()).isEqualTo(RuleLevel.COMMON);
        assertThat(verdict.decidedBy().ruleId()).isEqualTo("Rule_CommonFirstFeedbackBreach");
        assertThat(verdict.evaluatedTables()).hasSize(2).noneMatch(t -> t.startsWith("supervision-rules-dept-"));
    }

    @Test
    void aStricterDepartmentRuleCanEscalateWhereTheCommonRuleOnlyGivesANotice() {
        RuleVerdict amr = rules.evaluate(facts("GD-AMR", "HANDLING_BREACH", "OTHER", 0, 2, 0, 0));
        RuleVerdict edu = rules.evaluate(facts("GD-EDU", "HANDLING_BREACH", "OTHER", 0, 2, 0, 0));

        assertThat(amr.action()).isEqualTo(RuleAction.ESCALATE);
        assertThat(amr.decidedBy().ruleId()).isEqualTo("Rule_GdAmrRepeatedHandlingBreaches");
        assertThat(edu.action()).isEqualTo(RuleAction.NOTICE);
        assertThat(edu.decidedBy().ruleId()).isEqualTo("Rule_CommonRepeatedHandlingBreaches");
    }

    @Test
    void theDisciplineRulesApplyToEveryDepartmentWhateverItsOwnRulesSay() {
        for (String department : List.of("GD-AMR", "GD-EDU", "GD-PSD")) {
            RuleVerdict verdict = rules.evaluate(facts(department, "FIRST_FEEDBACK_BREACH", "OTHER", 5, 0, 0, 0));

            assertThat(verdict.action()).as(department).isEqualTo(RuleAction.ESCALATE);
            assertThat(verdict.severity()).isEqualTo(3);
            assertThat(verdict.decidedBy().level()).isEqualTo(RuleLevel.DISCIPLINE);
            assertThat(verdict.decidedBy().ruleId()).isEqualTo("Rule_DisciplinePersistentFirstFeedbackBreaches");
        }
    }

    @Test
    void withNoMatchingRuleTheVerdictIsNoAction() {
        RuleVerdict verdict = new RuleVerdict(facts("GD-EDU", "HANDLING_BREACH", "OTHER", 0, 0, 0, 0), List.of(),
                List.of("supervision-rules-common v1"));

        assertThat(verdict.action()).isEqualTo(RuleAction.NONE);
        assertThat(verdict.severity()).isZero();
        assertThat(verdict.decidedBy()).isNull();
    }
}
