package org.opensupervision.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensupervision.approval.CardContest;
import org.opensupervision.discipline.process.InvestigationAction;
import org.opensupervision.discipline.process.PreliminaryFinding;
import org.opensupervision.evaluation.MonthlyEvaluation;
import org.opensupervision.handling.process.HandlingAction;
import org.opensupervision.handling.process.ReviewDecision;
import org.opensupervision.handling.process.TriageDecision;
import org.opensupervision.rating.process.RectificationAction;
import org.opensupervision.rules.RuleAction;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A decision is one enum, shared by the form that sends it, the gateway conditions that route on it and the validator
 * that checks it: the values a model compares the variable with, and the values its form offers, are exactly the enum's
 * constants. Renaming a constant, or adding one without its path, fails here before a case gets stuck at a gateway.
 * Runs without the application: models and forms are read from the classpath.
 */
class DecisionGatewaysTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> decisions() {
        return Stream.of(
                Arguments.of("complaint-handling", "triageDecision", TriageDecision.class, "complaintTriage"),
                Arguments.of("complaint-handling", "handlingAction", HandlingAction.class, "complaintHandling"),
                Arguments.of("complaint-handling", "reviewDecision", ReviewDecision.class, "replyReview"),
                Arguments.of("disciplinary-escalation", "preliminaryFinding", PreliminaryFinding.class,
                        "disciplinaryPreliminaryReview"),
                Arguments.of("disciplinary-escalation", "investigationAction", InvestigationAction.class,
                        "disciplinaryInvestigation"),
                Arguments.of("citizen-rating", "rectificationAction", RectificationAction.class, "rectification"),
                Arguments.of("approval-card-contest", "contestDecision", CardContest.Decision.class,
                        "cardContestReview"),
                Arguments.of("monthly-evaluation", "evaluationDecision", MonthlyEvaluation.ReviewDecision.class,
                        "evaluationReview"),
                // Decided by the rule tables, not a form.
                Arguments.of("supervision-rule-check", "ruleAction", RuleAction.class, null));
    }

    private static Set<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
    }

    /** The string literals the model's conditions compare the variable with ({@code ${variable == 'VALUE'}}). */
    private static Set<String> comparedInModel(String model, String variable) throws IOException {
        Pattern comparison = Pattern.compile("\\b" + variable + "\\s*==\\s*'([^']*)'");
        Set<String> values = new LinkedHashSet<>();
        try (InputStream in = DecisionGatewaysTest.class.getResourceAsStream("/processes/" + model + ".bpmn")) {
            for (ConditionExpression condition : Bpmn.readModelFromStream(in)
                    .getModelElementsByType(ConditionExpression.class)) {
                Matcher m = comparison.matcher(condition.getTextContent());
                while (m.find()) {
                    values.add(m.group(1));
                }
            }
        }
        return values;
    }

    /** The values the form's field for the variable offers (radio, select). */
    private static Set<String> offeredByForm(String form, String variable) throws IOException {
        try (InputStream in = DecisionGatewaysTest.class.getResourceAsStream("/forms/" + form + ".form")) {
            Set<String> values = new LinkedHashSet<>();
            collect(JSON.readTree(in), variable, values);
            return values;
        }
    }

    private static void collect(JsonNode node, String variable, Set<String> values) {
        if (node.isObject() && variable.equals(node.path("key").asText()) && node.has("values")) {
            node.get("values").forEach(v -> values.add(v.path("value").asText()));
        }
        node.forEach(child -> collect(child, variable, values));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("decisions")
    void theModelRoutesOnEveryConstantOfTheDecisionAndOnNothingElse(String model, String variable,
                                                                    Class<? extends Enum<?>> type, String form)
            throws IOException {
        assertThat(comparedInModel(model, variable)).as("values compared in %s", model)
                .containsExactlyInAnyOrderElementsOf(names(type));
    }

    @Test
    void everyVariableAModelComparesWithAStringIsADecisionListedHere() throws IOException {
        Pattern comparison = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*[!=]=\\s*'");
        Set<String> listed = decisions().map(a -> (String) a.get()[1]).collect(Collectors.toSet());
        Set<String> compared = new LinkedHashSet<>();
        for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = resource.getInputStream()) {
                for (ConditionExpression condition : Bpmn.readModelFromStream(in)
                        .getModelElementsByType(ConditionExpression.class)) {
                    Matcher m = comparison.matcher(condition.getTextContent());
                    while (m.find()) {
                        compared.add(m.group(1));
                    }
                }
            }
        }
        assertThat(listed).containsAll(compared);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("decisions")
    void theFormOffersExactlyTheConstantsOfTheDecision(String model, String variable, Class<? extends Enum<?>> type,
                                                       String form) throws IOException {
        if (form == null) {
            return;
        }
        assertThat(offeredByForm(form, variable)).as("values offered by %s", form)
                .containsExactlyInAnyOrderElementsOf(names(type));
    }
}
