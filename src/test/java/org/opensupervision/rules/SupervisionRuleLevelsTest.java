package org.opensupervision.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensupervision.rules.SupervisionRuleTablesTest.facts;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The three rule levels together, as the engine deploys and versions them ({@link SupervisionRules}): a stricter
 * department rule wins over the common one, and the discipline rules apply to every department. Each table on its
 * own is {@link SupervisionRuleTablesTest}.
 */
class SupervisionRuleLevelsTest extends IntegrationTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    SupervisionRules rules;
    @Autowired
    HistoryService history;

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
    void aTableWithFeelJavaDoesNotEvaluateIsDecidedByTheDmnEngineWhichAloneWritesDecisionHistory() throws Exception {
        String key = "supervision-rules-common";
        RuleFacts threeBreaches = facts("GD-EDU", "FIRST_FEEDBACK_BREACH", "OTHER", 3, 0, 0, 0);
        long historyBefore = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key).count();

        RuleVerdict inJava = rules.evaluate(threeBreaches);

        assertThat(inJava.decidedBy().ruleId()).isEqualTo("Rule_CommonRepeatedFirstFeedbackBreaches");
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key).count())
                .isEqualTo(historyBefore);

        String table;
        try (var in = getClass().getResourceAsStream("/processes/" + key + ".dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int version = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
                .singleResult().getVersion();
        // The office writes the repeated-breach rule as a range, which only the DMN engine evaluates.
        Deployment edited = repository.createDeployment().name("office edit")
                .addString(key + ".dmn", table.replaceFirst("&gt;= 3", "[3..4]")).deploy();
        try {
            RuleVerdict byTheEngine = rules.evaluate(threeBreaches);
            RuleVerdict outOfTheRange = rules.evaluate(facts("GD-EDU", "FIRST_FEEDBACK_BREACH", "OTHER", 6, 0, 0, 0));

            MatchedRule common = byTheEngine.matched().stream().filter(m -> m.level() == RuleLevel.COMMON)
                    .findFirst().orElseThrow();
            assertThat(common.ruleId()).isEqualTo("Rule_CommonRepeatedFirstFeedbackBreaches");
            assertThat(common.version()).isEqualTo(version + 1);
            assertThat(common.action()).isEqualTo(RuleAction.NOTICE);
            assertThat(common.severity()).isEqualTo(2);
            assertThat(common.reason()).isNotBlank();
            assertThat(outOfTheRange.matched()).extracting(MatchedRule::ruleId)
                    .containsExactly("Rule_DisciplinePersistentFirstFeedbackBreaches");
            assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key).count())
                    .isEqualTo(historyBefore + 2);
        } finally {
            repository.deleteDeployment(edited.getId(), true);
        }
    }
}
