package org.opensupervision.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensupervision.DecisionTables;

/**
 * The rule tables evaluated in Java decide as the DMN engine decides: the same rules in the same order with the same
 * outputs, for the shipped tables over many facts and for every kind of cell {@link RuleTable} evaluates; and a table
 * or a fact it cannot judge is given back to the engine.
 */
class RuleTableTest {

    private static final List<DmnDecisionTableEvaluationEvent> EVENTS = new ArrayList<>();
    private static final DmnEngine ENGINE;

    static {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(EVENTS::add));
        ENGINE = configuration.buildEngine();
    }

    /** What the DMN engine decides: {@code ruleId outputs} per matching rule, in the table's order. */
    private static List<String> byTheEngine(DmnDecision table, Map<String, Object> variables) {
        synchronized (EVENTS) {
            EVENTS.clear();
            ENGINE.evaluateDecision(table, variables);
            assertThat(EVENTS).hasSize(1);
            return EVENTS.get(0).getMatchingRules().stream().map(rule -> {
                Map<String, Object> outputs = new LinkedHashMap<>();
                rule.getOutputEntries().values().forEach(o -> outputs.put(o.getOutputName(), o.getValue().getValue()));
                return rule.getId() + " " + outputs;
            }).toList();
        }
    }

    /** What {@link RuleTable} decides, in the same form; fails when it gives the facts back to the engine. */
    private static List<String> inJava(DmnDecision table, Map<String, Object> variables) {
        return RuleTable.compile(table).orElseThrow().evaluate(variables).orElseThrow().stream()
                .map(match -> match.ruleId() + " " + match.outputs()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"supervision-rules-common", "supervision-rules-discipline",
            "supervision-rules-dept-gd-amr"})
    void aShippedTableDecidesAsTheDmnEngineDoesOverThousandsOfFacts(String key) {
        DmnDecision table = DecisionTables.decision(key);
        Random random = new Random(17);
        String[] categories = {"INTEGRITY", "ATTITUDE", "OTHER"};
        long[] counts = {0, 1, 2, 3, 4, 5, 6, 40};
        int withMatches = 0;
        for (int i = 0; i < 1500; i++) {
            RuleFacts facts = new RuleFacts(RuleTrigger.values()[random.nextInt(RuleTrigger.values().length)],
                    categories[random.nextInt(categories.length)], "GD-AMR",
                    counts[random.nextInt(counts.length)], counts[random.nextInt(counts.length)],
                    counts[random.nextInt(counts.length)], counts[random.nextInt(counts.length)],
                    counts[random.nextInt(counts.length)], counts[random.nextInt(counts.length)]);

            List<String> expected = byTheEngine(table, facts.variables());
            assertThat(inJava(table, facts.variables())).as(facts.toString()).isEqualTo(expected);
            withMatches += expected.isEmpty() ? 0 : 1;
        }
        // The comparison means something only if facts match rules and others match none.
        assertThat(withMatches).isGreaterThan(100).isLessThan(1490);
    }

    @Test
    void everyKindOfCellItEvaluatesDecidesAsTheDmnEngineDoes() throws IOException {
        DmnDecision table = table("COLLECT", "typeRef=\"integer\"", """
                  <rule id="Rule_Numbers">
                    <inputEntry><text>"A", "B, with a comma"</text></inputEntry>
                    <inputEntry><text>1, 3</text></inputEntry>
                    <outputEntry><text>"numbers"</text></outputEntry>
                    <outputEntry><text>1</text></outputEntry>
                  </rule>
                  <rule id="Rule_Comparisons">
                    <inputEntry><text>not("A")</text></inputEntry>
                    <inputEntry><text>&lt;= 2</text></inputEntry>
                    <outputEntry><text>"at most two"</text></outputEntry>
                    <outputEntry><text>2</text></outputEntry>
                  </rule>
                  <rule id="Rule_Above">
                    <inputEntry><text>-</text></inputEntry>
                    <inputEntry><text>&gt; 3</text></inputEntry>
                    <outputEntry><text>"above three"</text></outputEntry>
                    <outputEntry><text></text></outputEntry>
                  </rule>
                  <rule id="Rule_NotTheseNumbers">
                    <inputEntry><text>not("A", "C")</text></inputEntry>
                    <inputEntry><text>not(2, 4)</text></inputEntry>
                    <outputEntry><text>"not two or four"</text></outputEntry>
                    <outputEntry><text>-3</text></outputEntry>
                  </rule>
                  <rule id="Rule_NotBelow">
                    <inputEntry><text></text></inputEntry>
                    <inputEntry><text>not(&lt; -1)</text></inputEntry>
                    <outputEntry><text>"not below minus one"</text></outputEntry>
                    <outputEntry><text>4</text></outputEntry>
                  </rule>
                """);
        for (String text : List.of("A", "B, with a comma", "C", "", "a")) {
            for (long number = -3; number <= 6; number++) {
                Map<String, Object> variables = Map.of("text", text, "number", number);
                assertThat(inJava(table, variables)).as(variables.toString())
                        .isEqualTo(byTheEngine(table, variables));
            }
        }
        assertThat(inJava(table, Map.of("text", "B, with a comma", "number", 3L)))
                .containsExactly("Rule_Numbers {label=numbers, weight=1}",
                        "Rule_NotTheseNumbers {label=not two or four, weight=-3}",
                        "Rule_NotBelow {label=not below minus one, weight=4}");
        assertThat(inJava(table, Map.of("text", "A", "number", 4L))).containsExactly(
                "Rule_Above {label=above three}", "Rule_NotBelow {label=not below minus one, weight=4}");
    }

    @Test
    void aDecimalInputIsComparedAsTheDmnEngineComparesIt() throws IOException {
        DmnDecision table = table("COLLECT", "typeRef=\"double\"", """
                  <rule id="Rule_AboveTwoAndAHalf">
                    <inputEntry><text>-</text></inputEntry>
                    <inputEntry><text>&gt;= 2.5</text></inputEntry>
                    <outputEntry><text>"high"</text></outputEntry>
                    <outputEntry><text>2</text></outputEntry>
                  </rule>
                  <rule id="Rule_Exactly">
                    <inputEntry><text>-</text></inputEntry>
                    <inputEntry><text>2</text></inputEntry>
                    <outputEntry><text>"two"</text></outputEntry>
                    <outputEntry><text>1</text></outputEntry>
                  </rule>
                """);
        for (double number : new double[] {1.5, 2, 2.4999, 2.5, 3}) {
            Map<String, Object> variables = Map.of("text", "A", "number", number);
            assertThat(inJava(table, variables)).as(variables.toString()).isEqualTo(byTheEngine(table, variables));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[1..3]", "&gt;= 2 and &lt; 4", "odd(number)", "1, &gt; 3", "not(-)", "number &gt; 2",
            "&gt;= date(\"2026-05-01\")"})
    void aTableWithACellItDoesNotEvaluateIsLeftToTheDmnEngine(String cell) throws IOException {
        assertThat(RuleTable.compile(table("COLLECT", "typeRef=\"integer\"", """
                  <rule id="Rule_Other">
                    <inputEntry><text>-</text></inputEntry>
                    <inputEntry><text>%s</text></inputEntry>
                    <outputEntry><text>"other"</text></outputEntry>
                    <outputEntry><text>1</text></outputEntry>
                  </rule>
                """.formatted(cell)))).isEmpty();
    }

    @Test
    void anotherHitPolicyOrAComputedOutputIsLeftToTheDmnEngine() throws IOException {
        String rule = """
                  <rule id="Rule_Any">
                    <inputEntry><text>-</text></inputEntry>
                    <inputEntry><text>-</text></inputEntry>
                    <outputEntry><text>"any"</text></outputEntry>
                    <outputEntry><text>%s</text></outputEntry>
                  </rule>
                """;
        assertThat(RuleTable.compile(table("COLLECT", "typeRef=\"integer\"", rule.formatted("1")))).isPresent();
        assertThat(RuleTable.compile(table("FIRST", "typeRef=\"integer\"", rule.formatted("1")))).isEmpty();
        assertThat(RuleTable.compile(table("COLLECT\" aggregation=\"SUM", "typeRef=\"integer\"",
                rule.formatted("1")))).isEmpty();
        assertThat(RuleTable.compile(table("COLLECT", "typeRef=\"integer\"", rule.formatted("number + 1"))))
                .isEmpty();
    }

    @Test
    void factsATestCannotJudgeAreLeftToTheDmnEngine() {
        RuleTable common = RuleTable.compile(DecisionTables.decision("supervision-rules-common")).orElseThrow();
        Map<String, Object> facts = new HashMap<>(new RuleFacts(RuleTrigger.FIRST_FEEDBACK_BREACH, "OTHER",
                "GD-EDU", 1, 0, 0, 0).variables());
        assertThat(common.evaluate(facts)).isPresent();

        facts.put("category", null);
        assertThat(common.evaluate(facts)).isEmpty();
        facts.put("category", "OTHER");
        facts.remove("badRatingsThisMonth");
        assertThat(common.evaluate(facts)).isEmpty();
        facts.put("badRatingsThisMonth", "many");
        assertThat(common.evaluate(facts)).isEmpty();
    }

    /** A two-input table (a string {@code text}, a number {@code number}) with two outputs, as the Modeler writes it. */
    private static DmnDecision table(String hitPolicy, String numberType, String rules) throws IOException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Test" name="test"
                             namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="test-rules" name="test">
                    <decisionTable id="DecisionTable_Test" hitPolicy="%s">
                      <input id="Input_Text"><inputExpression id="InputExpression_Text" typeRef="string"><text>text</text></inputExpression></input>
                      <input id="Input_Number"><inputExpression id="InputExpression_Number" %s><text>number</text></inputExpression></input>
                      <output id="Output_Label" name="label" typeRef="string" />
                      <output id="Output_Weight" name="weight" typeRef="integer" />
                %s
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(hitPolicy, numberType, rules);
        try (InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
            return ENGINE.parseDecision("test-rules", in);
        }
    }
}
