package org.opensupervision.handling.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.hitpolicy.FirstHitPolicyHandler;
import org.camunda.bpm.dmn.engine.impl.spi.type.DmnTypeDefinition;

/**
 * A FIRST-hit decision table as the DMN engine parsed it, read once and evaluated in plain Java: the routing table
 * ({@code complaint-routing}) is evaluated for every complaint, and the FEEL engine parses each cell's text again on
 * every evaluation (feel-scala keeps no parsed form). Only what the table holds today is compiled: input expressions
 * that name a variable, input entries that are {@code -} or string literals ({@code "A"} or {@code "A","B"}), output
 * entries that are string or integer literals or name an input variable. {@link #compile} returns empty for a table
 * with anything else (a range, {@code not(..)}, another hit policy or expression language), which the DMN engine then
 * evaluates as before. Outputs are converted by the table's own output types, as the engine converts them.
 */
final class RoutingTable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "not", "and", "or", "in", "if",
            "then", "else", "for", "return", "some", "every", "satisfies", "between", "instance", "of", "function");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern STRING_LIST = Pattern.compile("\\s*\"[^\"\\\\]*\"\\s*(,\\s*\"[^\"\\\\]*\"\\s*)*");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");

    private final List<String> inputVariables;
    private final List<Rule> rules;

    private RoutingTable(List<String> inputVariables, List<Rule> rules) {
        this.inputVariables = inputVariables;
        this.rules = rules;
    }

    /** The rule that matched, with the outputs the engine would have given. */
    record Match(String ruleId, Map<String, Object> outputs) {
    }

    /** One rule: per input the values that pass ({@code null} for {@code -}, any value), and its outputs. */
    private record Rule(String id, List<Set<String>> conditions, List<Output> outputs) {

        boolean matches(List<String> values) {
            for (int i = 0; i < conditions.size(); i++) {
                Set<String> allowed = conditions.get(i);
                if (allowed != null && !allowed.contains(values.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Output(String name, Function<List<String>, Object> value, DmnTypeDefinition type) {

        Object valueFor(List<String> inputs) {
            return type.transform(value.apply(inputs)).getValue();
        }
    }

    /**
     * The table of that decision compiled, or empty when it holds something this class does not evaluate (the DMN
     * engine evaluates those).
     */
    static Optional<RoutingTable> compile(DmnDecision decision) {
        if (!decision.isDecisionTable() || !decision.getRequiredDecisions().isEmpty()
                || !(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)
                || !(table.getHitPolicyHandler() instanceof FirstHitPolicyHandler)) {
            return Optional.empty();
        }
        List<String> inputVariables = new ArrayList<>();
        for (DmnDecisionTableInputImpl input : table.getInputs()) {
            String name = variableName(input.getExpression());
            if (name == null) {
                return Optional.empty();
            }
            inputVariables.add(name);
        }
        List<Rule> rules = new ArrayList<>();
        for (DmnDecisionTableRuleImpl rule : table.getRules()) {
            List<Set<String>> conditions = new ArrayList<>();
            for (DmnExpressionImpl entry : rule.getConditions()) {
                if (!isFeel(entry)) {
                    return Optional.empty();
                }
                String text = entry.getExpression() == null ? "" : entry.getExpression().trim();
                if (text.isEmpty() || text.equals("-")) {
                    conditions.add(null);
                } else if (STRING_LIST.matcher(text).matches()) {
                    Set<String> allowed = new HashSet<>();
                    Matcher literal = STRING_LITERAL.matcher(text);
                    while (literal.find()) {
                        allowed.add(literal.group(1));
                    }
                    conditions.add(Set.copyOf(allowed));
                } else {
                    return Optional.empty();
                }
            }
            List<Output> outputs = new ArrayList<>();
            for (int i = 0; i < rule.getConclusions().size(); i++) {
                DmnExpressionImpl entry = rule.getConclusions().get(i);
                DmnDecisionTableOutputImpl output = table.getOutputs().get(i);
                String text = entry.getExpression() == null ? "" : entry.getExpression().trim();
                if (text.isEmpty()) {
                    continue;
                }
                Function<List<String>, Object> value = outputValue(entry, text, inputVariables);
                if (value == null) {
                    return Optional.empty();
                }
                outputs.add(new Output(output.getOutputName(), value, output.getTypeDefinition()));
            }
            rules.add(new Rule(rule.getId(), Collections.unmodifiableList(conditions), List.copyOf(outputs)));
        }
        return Optional.of(new RoutingTable(List.copyOf(inputVariables), List.copyOf(rules)));
    }

    /**
     * The first rule matching these variables, or empty when no rule matches or an input is not a string (null,
     * missing or another type: the DMN engine decides those, as before).
     */
    Optional<Match> evaluate(Function<String, Object> variables) {
        List<String> values = new ArrayList<>(inputVariables.size());
        for (String name : inputVariables) {
            if (!(variables.apply(name) instanceof String value)) {
                return Optional.empty();
            }
            values.add(value);
        }
        for (Rule rule : rules) {
            if (rule.matches(values)) {
                Map<String, Object> outputs = new LinkedHashMap<>();
                for (Output output : rule.outputs()) {
                    outputs.put(output.name(), output.valueFor(values));
                }
                return Optional.of(new Match(rule.id(), outputs));
            }
        }
        return Optional.empty();
    }

    private static Function<List<String>, Object> outputValue(DmnExpressionImpl entry, String text,
                                                              List<String> inputVariables) {
        if (!isFeel(entry)) {
            return null;
        }
        Matcher literal = STRING_LITERAL.matcher(text);
        if (literal.matches()) {
            String value = literal.group(1);
            return inputs -> value;
        }
        if (INTEGER.matcher(text).matches()) {
            Integer value = Integer.valueOf(text);
            return inputs -> value;
        }
        int input = isName(text) ? inputVariables.indexOf(text) : -1;
        if (input >= 0) {
            return inputs -> inputs.get(input);
        }
        return null;
    }

    private static String variableName(DmnExpressionImpl expression) {
        if (expression == null || expression.getExpression() == null || !isFeel(expression)) {
            return null;
        }
        String text = expression.getExpression().trim();
        return isName(text) ? text : null;
    }

    private static boolean isName(String text) {
        return NAME.matcher(text).matches() && !FEEL_WORDS.contains(text);
    }

    /** No language named means the engine's default, FEEL, for input expressions, entries and outputs alike. */
    private static boolean isFeel(DmnExpressionImpl expression) {
        String language = expression.getExpressionLanguage();
        return language == null || language.equalsIgnoreCase("feel")
                || language.equalsIgnoreCase("https://www.omg.org/spec/DMN/20191111/FEEL/");
    }
}
