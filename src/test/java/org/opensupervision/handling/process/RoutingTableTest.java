package org.opensupervision.handling.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensupervision.DecisionTables;
import org.opensupervision.workflow.ComplaintProcess;

/**
 * The routing table evaluated in Java decides as the DMN engine decides, rule by rule, and gives the table back to
 * the engine where it cannot.
 */
class RoutingTableTest {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static RoutingTable deployed() {
        return RoutingTable.compile(DecisionTables.decision(ComplaintProcess.ROUTING_DECISION)).orElseThrow();
    }

    private static Map<String, Object> inputs(String department, String category) {
        return Map.of("departmentCode", department, "category", category);
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}, priority {3}, by {4}")
    @CsvSource({
            "GD-AMR,  SYSTEM_FAULT,     GD-SDMA, 70, Rule_SystemFault",
            "GD-PSD,  SYSTEM_FAULT,     GD-SDMA, 70, Rule_SystemFault",
            "GD-AMR,  INTEGRITY,        GD-AMR,  90, Rule_Integrity",
            "GD-EDU,  INACTION,         GD-EDU,  70, Rule_InactionOrSlowAction",
            "GD-HRSS, SLOW_ACTION,      GD-HRSS, 70, Rule_InactionOrSlowAction",
            "GD-PSD,  ATTITUDE,         GD-PSD,  60, Rule_PoliceServiceAttitude",
            "GD-EDU,  ATTITUDE,         GD-EDU,  50, Rule_Default",
            "GD-NR,   ARBITRARY_ACTION, GD-NR,   50, Rule_Default",
            "GD-HC,   OTHER,            GD-HC,   50, Rule_Default"
    })
    void everyRuleDecidesAsTheDmnEngineDoes(String department, String category, String handlingDepartment,
                                             int priority, String rule) {
        RoutingTable.Match match = deployed().evaluate(inputs(department, category)::get).orElseThrow();

        assertThat(match.ruleId()).isEqualTo(rule);
        assertThat(match.outputs()).containsExactly(Map.entry("handlingDepartmentCode", handlingDepartment),
                Map.entry("priority", priority));
        DmnDecisionResultEntries engine = DecisionTables.evaluate(ComplaintProcess.ROUTING_DECISION,
                inputs(department, category)).getSingleResult();
        assertThat(match.outputs()).isEqualTo(engine.getEntryMap());
        assertThat(DecisionTables.evaluationEvents(ComplaintProcess.ROUTING_DECISION, inputs(department, category))
                .get(0).getMatchingRules()).singleElement().satisfies(r -> assertThat(r.getId()).isEqualTo(rule));
    }

    @Test
    void aMissingOrNonTextInputIsLeftToTheDmnEngine() {
        Map<String, Object> noCategory = new HashMap<>();
        noCategory.put("departmentCode", "GD-AMR");
        noCategory.put("category", null);

        assertThat(deployed().evaluate(noCategory::get)).isEmpty();
        assertThat(deployed().evaluate(Map.<String, Object>of("departmentCode", "GD-AMR", "category", 7)::get))
                .isEmpty();
    }

    @Test
    void aNewDepartmentRuleOfTheOfficeTakesEffect() throws IOException {
        RoutingTable edited = RoutingTable.compile(editedTable("""
                      <rule id="Rule_EducationAttitude">
                        <inputEntry id="UnaryTests_EducationAttitude_Department"><text>"GD-EDU"</text></inputEntry>
                        <inputEntry id="UnaryTests_EducationAttitude_Category"><text>"ATTITUDE","OTHER"</text></inputEntry>
                        <outputEntry id="LiteralExpression_EducationAttitude_Department"><text>"GD-HRSS"</text></outputEntry>
                        <outputEntry id="LiteralExpression_EducationAttitude_Priority"><text>65</text></outputEntry>
                      </rule>
                """)).orElseThrow();

        assertThat(edited.evaluate(inputs("GD-EDU", "OTHER")::get)).hasValueSatisfying(match -> {
            assertThat(match.ruleId()).isEqualTo("Rule_EducationAttitude");
            assertThat(match.outputs()).containsExactly(Map.entry("handlingDepartmentCode", "GD-HRSS"),
                    Map.entry("priority", 65));
        });
        assertThat(edited.evaluate(inputs("GD-AMR", "OTHER")::get)).hasValueSatisfying(
                match -> assertThat(match.ruleId()).isEqualTo("Rule_Default"));
    }

    @Test
    void aTableWithAnEntryJavaDoesNotEvaluateIsLeftToTheDmnEngine() throws IOException {
        assertThat(RoutingTable.compile(editedTable("""
                      <rule id="Rule_NotSystemFault">
                        <inputEntry id="UnaryTests_NotSystemFault_Department"><text>not("GD-SDMA")</text></inputEntry>
                        <inputEntry id="UnaryTests_NotSystemFault_Category"><text>"OTHER"</text></inputEntry>
                        <outputEntry id="LiteralExpression_NotSystemFault_Department"><text>departmentCode</text></outputEntry>
                        <outputEntry id="LiteralExpression_NotSystemFault_Priority"><text>40</text></outputEntry>
                      </rule>
                """))).isEmpty();
        assertThat(RoutingTable.compile(editedTable("""
                      <rule id="Rule_Computed">
                        <inputEntry id="UnaryTests_Computed_Department"><text>-</text></inputEntry>
                        <inputEntry id="UnaryTests_Computed_Category"><text>"OTHER"</text></inputEntry>
                        <outputEntry id="LiteralExpression_Computed_Department"><text>departmentCode</text></outputEntry>
                        <outputEntry id="LiteralExpression_Computed_Priority"><text>40 + 5</text></outputEntry>
                      </rule>
                """))).isEmpty();
    }

    /** The deployed table with one rule added before its default rule, as the office would add it in the Modeler. */
    private static DmnDecision editedTable(String rule) throws IOException {
        String xml;
        try (InputStream in = RoutingTableTest.class.getResourceAsStream("/processes/complaint-routing.dmn")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).contains("<rule id=\"Rule_Default\">");
        String edited = xml.replace("<rule id=\"Rule_Default\">", rule + "<rule id=\"Rule_Default\">");
        return ENGINE.parseDecision(ComplaintProcess.ROUTING_DECISION,
                new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)));
    }
}
