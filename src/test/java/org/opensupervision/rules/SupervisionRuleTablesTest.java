package org.opensupervision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensupervision.DecisionTables;

/**
 * Each rule table on its own, on the DMN engine alone (no application): one row of facts and the rules expected to
 * match, with what they decide. The three levels together, as the engine deploys them, are
 * {@link SupervisionRuleLevelsTest}.
 */
class SupervisionRuleTablesTest {

    /** The rules of one table that match the facts, as {@code ruleId:ACTION:severity}, in table order. */
    private List<String> matches(String table, RuleFacts facts) {
        List<DmnDecisionTableEvaluationEvent> events = DecisionTables.evaluationEvents(table, facts.variables());
        assertThat(events).hasSize(1);
        return events.get(0).getMatchingRules().stream().map(rule -> {
            var out = rule.getOutputEntries().values().stream()
                    .collect(java.util.stream.Collectors.toMap(o -> o.getOutputName(), o -> o.getValue().getValue()));
            return rule.getId() + ":" + out.get("action") + ":" + out.get("severity");
        }).toList();
    }

    static RuleFacts facts(String department, String trigger, String category, long ff, long hb, long bad,
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
    void withNoMatchingRuleTheVerdictIsNoAction() {
        RuleVerdict verdict = new RuleVerdict(facts("GD-EDU", "HANDLING_BREACH", "OTHER", 0, 0, 0, 0), List.of(),
                List.of("supervision-rules-common v1"));

        assertThat(verdict.action()).isEqualTo(RuleAction.NONE);
        assertThat(verdict.severity()).isZero();
        assertThat(verdict.decidedBy()).isNull();
    }
}
