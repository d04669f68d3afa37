package org.opensupervision.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The engine's expressions look a name up as a bean before they look at the variables ({@link BeansBeforeVariables}).
 * That changes nothing as long as no bean is named like a variable: every variable name the code, the models and the
 * forms write is checked against the application's beans, and so are the names the engine itself passes.
 */
class BeansBeforeVariablesTest extends IntegrationTest {

    /** A variable written or read by name in the code: {@code setVariable("name", ...)}, {@code putValue("name", ...)}. */
    private static final Pattern VARIABLE_IN_CODE = Pattern.compile(
            "\\b(?:setVariable|setVariableLocal|putValue|putValueTyped|getVariable|getVariableLocal|getVariableTyped"
                    + "|removeVariable|removeVariableLocal|setVariables?|variable)\\(\\s*\"([A-Za-z_$][\\w$]*)\"");
    /** Variables a model writes: inputs and outputs, decision and call results, loop elements, form fields. */
    private static final Pattern VARIABLE_IN_MODEL = Pattern.compile(
            "<camunda:(?:inputParameter|outputParameter)\\s+name=\"([^\"]+)\""
                    + "|camunda:(?:resultVariable|elementVariable)=\"([^\"]+)\""
                    + "|<camunda:(?:in|out)\\b[^>]*\\btarget=\"([^\"]+)\""
                    + "|<camunda:formField\\b[^>]*\\bid=\"([^\"]+)\"");
    /** What the engine's own resolver answers before any variable (a bean of such a name would now shadow it). */
    private static final List<String> ENGINE_NAMES = List.of(VariableScopeElResolver.EXECUTION_KEY,
            VariableScopeElResolver.CASE_EXECUTION_KEY, VariableScopeElResolver.TASK_KEY,
            VariableScopeElResolver.EXTERNAL_TASK_KEY, VariableScopeElResolver.LOGGED_IN_USER_KEY);

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;

    @Test
    void aBeanResolvesBeforeAVariableOfTheSameNameWithoutTheVariablesBeingRead() {
        List<String> variableCalls = new ArrayList<>();

        Object value = evaluate("${recordFirstFeedbackBreach}", scopeWithEveryVariable(variableCalls));

        assertThat(value).isSameAs(context.getBean("recordFirstFeedbackBreach"));
        assertThat(variableCalls).as("calls on the variable scope").isEmpty();
    }

    @Test
    void aNameThatIsNoBeanStillResolvesAsAVariable() {
        List<String> variableCalls = new ArrayList<>();

        Object value = evaluate("${priority}", scopeWithEveryVariable(variableCalls));

        assertThat(value).isEqualTo("the variable priority");
        assertThat(variableCalls).contains("getVariable");
    }

    private Object evaluate(String expression, VariableScope scope) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getExpressionManager()).isInstanceOf(BeansBeforeVariables.ExpressionManager.class);
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> configuration
                .getExpressionManager().createExpression(expression).getValue(scope));
    }

    /** A scope that has a variable of every name (the engine's own order would answer with it), calls recorded. */
    private VariableScope scopeWithEveryVariable(List<String> calls) {
        return (VariableScope) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{VariableScope.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "hasVariable", "hasVariableLocal" -> true;
                        case "getVariable", "getVariableLocal" -> "the variable " + args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "a scope with every variable";
                        default -> null;
                    };
                });
    }

    @Test
    void noVariableTheCodeTheModelsOrTheFormsWriteIsNamedLikeABean() throws Exception {
        Set<String> variables = new TreeSet<>();
        variables.addAll(variableConstants());
        variables.addAll(variablesNamedInTheCode());
        variables.addAll(variablesOfTheModels());
        variables.addAll(fieldsOfTheForms());
        // The collection itself: the names of the complaint's process and of what a form or a model writes are in it.
        assertThat(variables).contains("complaintId", "priority", "firstFeedbackDueAt", "triageDecision",
                "firstFeedbackText", "periodStart").hasSizeGreaterThan(100);

        assertThat(variables.stream().filter(context::containsBean).toList())
                .as("variables named like a bean (the bean would win in an expression)").isEmpty();
    }

    @Test
    void noBeanIsNamedLikeWhatTheEngineItselfPassesToExpressions() {
        assertThat(ENGINE_NAMES.stream().filter(context::containsBean).toList()).isEmpty();
    }

    /** Every {@code String} constant of a {@code Var} class (the one place the variable names live). */
    private static Set<String> variableConstants() throws Exception {
        Set<String> names = new TreeSet<>();
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:org/opensupervision/**/*$Var.class")) {
            String path = resource.getURL().toString();
            String className = path.substring(path.lastIndexOf("org/opensupervision/"), path.length() - 6)
                    .replace('/', '.');
            for (Field field : Class.forName(className).getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    names.add((String) field.get(null));
                }
            }
        }
        assertThat(names).as("constants of the Var classes").contains("complaintId");
        return names;
    }

    /** Names written as literals in the main code (delegates that name their own local variables). */
    private static Set<String> variablesNamedInTheCode() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = VARIABLE_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    private static Set<String> variablesOfTheModels() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            Matcher m = VARIABLE_IN_MODEL.matcher(new String(model.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8));
            while (m.find()) {
                for (int group = 1; group <= m.groupCount(); group++) {
                    if (m.group(group) != null) {
                        names.add(m.group(group));
                    }
                }
            }
        }
        return names;
    }

    /** A form's fields become variables of the task's completion, by key. */
    private static Set<String> fieldsOfTheForms() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = form.getInputStream()) {
                keys(new ObjectMapper().readTree(in), names);
            }
        }
        return names;
    }

    private static void keys(JsonNode node, Set<String> names) {
        if (node.isObject() && node.hasNonNull("key") && node.has("type")) {
            names.add(node.get("key").asText());
        }
        node.elements().forEachRemaining(child -> keys(child, names));
    }
}
