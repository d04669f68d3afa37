package org.opensupervision.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.hitpolicy.CollectHitPolicyHandler;
import org.camunda.bpm.dmn.engine.impl.spi.type.DmnTypeDefinition;

/**
 * A COLLECT table of the supervision rules as the DMN engine parsed it, read once per deployed version and evaluated
 * in plain Java. Every rule check evaluates two or three tables, thousands at once when a day's deadlines pass, and
 * the FEEL engine builds its context and parses every cell again on each evaluation (docs/benchmarks.md, round two).
 * <p>
 * Only the simple unary tests the offices write are compiled: {@code -}, quoted strings ({@code "A"} or
 * {@code "A","B"}), numbers ({@code 3} or {@code 1, 2}), comparisons with a number ({@code < 3}, {@code >= 5}) and
 * {@code not(..)} of any of these; input expressions that name a variable; outputs that are a quoted string or a
 * number. {@link #compile} returns empty for a table with anything else (a range, a function, a date, another hit
 * policy or expression language), and {@link #evaluate} returns empty for facts a test here cannot judge (a missing or
 * null input, a string where a test wants a number): the DMN engine decides those, as before. Inputs and outputs are
 * converted by the table's own types, as the engine converts them.
 */
final class RuleTable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "not", "and", "or", "in", "if",
            "then", "else", "for", "return", "some", "every", "satisfies", "between", "instance", "of", "function");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern STRING_LIST = Pattern.compile("\\s*\"[^\"\\\\]*\"\\s*(,\\s*\"[^\"\\\\]*\"\\s*)*");
    private static final String NUMBER = "-?[0-9]{1,15}(\\.[0-9]{1,15})?";
    private static final Pattern NUMBER_LITERAL = Pattern.compile(NUMBER);
    private static final Pattern NUMBER_LIST = Pattern.compile("\\s*" + NUMBER + "\\s*(,\\s*" + NUMBER + "\\s*)*");
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)\\s*(" + NUMBER + ")");
    private static final Pattern NEGATION = Pattern.compile("not\\s*\\((.*)\\)", Pattern.DOTALL);

    private final List<Input> inputs;
    private final List<Rule> rules;

    private RuleTable(List<Input> inputs, List<Rule> rules) {
        this.inputs = inputs;
        this.rules = rules;
    }

    /** A rule that matched, with the outputs the engine would have given. */
    record Match(String ruleId, Map<String, Object> outputs) {
    }

    private record Input(String variable, DmnTypeDefinition type) {
    }

    /**
     * One unary test on an input's value: true or false, or null when this test cannot judge a value of that type
     * (the DMN engine then evaluates the table).
     */
    private interface Test {
        Boolean test(Object value);
    }

    private record Rule(String id, List<Test> conditions, List<Output> outputs) {
    }

    private record Output(String name, Object value, DmnTypeDefinition type) {
    }

    /**
     * The table of that decision compiled, or empty when it holds something this class does not evaluate (the DMN
     * engine evaluates those).
     */
    static Optional<RuleTable> compile(DmnDecision decision) {
        if (!decision.isDecisionTable() || !decision.getRequiredDecisions().isEmpty()
                || !(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)
                || table.getHitPolicyHandler() == null
                || table.getHitPolicyHandler().getClass() != CollectHitPolicyHandler.class) {
            return Optional.empty();
        }
        List<Input> inputs = new ArrayList<>();
        for (DmnDecisionTableInputImpl input : table.getInputs()) {
            String name = variableName(input.getExpression());
            if (name == null) {
                return Optional.empty();
            }
            inputs.add(new Input(name, input.getExpression().getTypeDefinition()));
        }
        List<Rule> rules = new ArrayList<>();
        for (DmnDecisionTableRuleImpl rule : table.getRules()) {
            if (rule.getConditions().size() != inputs.size()) {
                return Optional.empty();
            }
            List<Test> conditions = new ArrayList<>();
            for (DmnExpressionImpl entry : rule.getConditions()) {
                Test test = isFeel(entry) ? test(text(entry)) : null;
                if (test == null) {
                    return Optional.empty();
                }
                conditions.add(test);
            }
            List<Output> outputs = new ArrayList<>();
            for (int i = 0; i < rule.getConclusions().size(); i++) {
                DmnExpressionImpl entry = rule.getConclusions().get(i);
                DmnDecisionTableOutputImpl output = table.getOutputs().get(i);
                String text = text(entry);
                if (text.isEmpty()) {
                    continue;
                }
                Object value = isFeel(entry) ? literal(text) : null;
                if (value == null) {
                    return Optional.empty();
                }
                outputs.add(new Output(output.getOutputName(), value, output.getTypeDefinition()));
            }
            rules.add(new Rule(rule.getId(), List.copyOf(conditions), List.copyOf(outputs)));
        }
        return Optional.of(new RuleTable(List.copyOf(inputs), List.copyOf(rules)));
    }

    /**
     * Every rule matching these variables, in the table's order (COLLECT), or empty when an input is missing, null or
     * of a type a test cannot judge (the DMN engine decides those).
     */
    Optional<List<Match>> evaluate(Map<String, Object> variables) {
        List<Object> values = new ArrayList<>(inputs.size());
        for (Input input : inputs) {
            Object raw = variables.get(input.variable());
            if (raw == null) {
                return Optional.empty();
            }
            Object value;
            try {
                value = input.type() == null ? raw : input.type().transform(raw).getValue();
            } catch (RuntimeException notOfTheType) {
                // The engine says why (DMN-01005), as it did before.
                return Optional.empty();
            }
            if (value == null) {
                return Optional.empty();
            }
            values.add(value);
        }
        List<Match> matches = new ArrayList<>();
        for (Rule rule : rules) {
            boolean matched = true;
            for (int i = 0; i < values.size(); i++) {
                Boolean passed = rule.conditions().get(i).test(values.get(i));
                if (passed == null) {
                    return Optional.empty();
                }
                if (!passed) {
                    matched = false;
                    break;
                }
            }
            if (matched) {
                Map<String, Object> outputs = new LinkedHashMap<>();
                for (Output output : rule.outputs()) {
                    outputs.put(output.name(), output.type() == null ? output.value()
                            : output.type().transform(output.value()).getValue());
                }
                matches.add(new Match(rule.id(), outputs));
            }
        }
        return Optional.of(List.copyOf(matches));
    }

    /** The test a cell's text means, or null when it is not one this class evaluates. */
    private static Test test(String text) {
        if (text.isEmpty() || text.equals("-")) {
            return value -> true;
        }
        Matcher negation = NEGATION.matcher(text);
        if (negation.matches()) {
            String inner = negation.group(1).trim();
            Test positive = inner.isEmpty() || inner.equals("-") ? null : test(inner);
            return positive == null ? null : value -> {
                Boolean passed = positive.test(value);
                return passed == null ? null : !passed;
            };
        }
        if (STRING_LIST.matcher(text).matches()) {
            Set<String> allowed = new HashSet<>();
            Matcher literal = STRING_LITERAL.matcher(text);
            while (literal.find()) {
                allowed.add(literal.group(1));
            }
            Set<String> set = Set.copyOf(allowed);
            return value -> value instanceof String s ? set.contains(s) : null;
        }
        if (NUMBER_LIST.matcher(text).matches()) {
            List<BigDecimal> allowed = new ArrayList<>();
            for (String number : text.split(",")) {
                allowed.add(new BigDecimal(number.trim()));
            }
            return value -> {
                BigDecimal number = number(value);
                return number == null ? null : allowed.stream().anyMatch(a -> a.compareTo(number) == 0);
            };
        }
        Matcher comparison = COMPARISON.matcher(text);
        if (comparison.matches()) {
            String operator = comparison.group(1);
            BigDecimal bound = new BigDecimal(comparison.group(2));
            return value -> {
                BigDecimal number = number(value);
                if (number == null) {
                    return null;
                }
                int order = number.compareTo(bound);
                return switch (operator) {
                    case "<" -> order < 0;
                    case "<=" -> order <= 0;
                    case ">" -> order > 0;
                    default -> order >= 0;
                };
            };
        }
        return null;
    }

    /** A value the numeric tests compare as FEEL does (as a decimal), or null for anything that is not a number. */
    private static BigDecimal number(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d);
        }
        return value instanceof BigDecimal b ? b : null;
    }

    /** An output cell's value: a quoted string or a number; null for anything else. */
    private static Object literal(String text) {
        Matcher string = STRING_LITERAL.matcher(text);
        if (string.matches()) {
            return string.group(1);
        }
        if (NUMBER_LITERAL.matcher(text).matches()) {
            // As the FEEL engine gives a number literal: a whole number as a Long, any other as a Double.
            BigDecimal number = new BigDecimal(text);
            return number.scale() <= 0 ? (Object) number.longValueExact() : number.doubleValue();
        }
        return null;
    }

    private static String text(DmnExpressionImpl expression) {
        return expression == null || expression.getExpression() == null ? "" : expression.getExpression().trim();
    }

    private static String variableName(DmnExpressionImpl expression) {
        if (expression == null || !isFeel(expression)) {
            return null;
        }
        String text = text(expression);
        return NAME.matcher(text).matches() && !FEEL_WORDS.contains(text) ? text : null;
    }

    /** No language named means the engine's default, FEEL, for input expressions, entries and outputs alike. */
    private static boolean isFeel(DmnExpressionImpl expression) {
        String language = expression.getExpressionLanguage();
        return language == null || language.equalsIgnoreCase("feel")
                || language.equalsIgnoreCase("https://www.omg.org/spec/DMN/20191111/FEEL/");
    }
}
