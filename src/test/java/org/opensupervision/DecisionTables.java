package org.opensupervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The decision tables of {@code processes/*.dmn} on the DMN engine alone, configured as the process engine configures
 * its own (the defaults: FEEL), without a Spring context, a process engine or a database: for the tests that check
 * what a table decides. Whether the tables are deployed and versioned is the engine's part, tested with the
 * application ({@code BpmnWiringTest}, the rule-level tests).
 */
public final class DecisionTables {

    private static final ThreadLocal<List<DmnDecisionTableEvaluationEvent>> EVENTS = new ThreadLocal<>();
    private static final DmnEngine ENGINE;
    private static final Map<String, DmnDecision> DECISIONS;

    static {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(event -> {
            List<DmnDecisionTableEvaluationEvent> events = EVENTS.get();
            if (events != null) {
                events.add(event);
            }
        }));
        ENGINE = configuration.buildEngine();
        Map<String, DmnDecision> decisions = new LinkedHashMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.dmn")) {
                try (InputStream in = file.getInputStream()) {
                    ENGINE.parseDecisions(in).forEach(d -> decisions.put(d.getKey(), d));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DECISIONS = Map.copyOf(decisions);
    }

    private DecisionTables() {
    }

    /** The decision of that key, parsed from its file. */
    public static DmnDecision decision(String key) {
        DmnDecision decision = DECISIONS.get(key);
        if (decision == null) {
            throw new AssertionError("No decision " + key + " in processes/*.dmn; there are " + DECISIONS.keySet());
        }
        return decision;
    }

    /** Evaluates the decision with these input variables. */
    public static DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
        return ENGINE.evaluateDecision(decision(key), variables);
    }

    /**
     * Evaluates the decision and returns the engine's evaluation events of its decision tables, which carry the ids
     * of the rules that matched (the results carry only the outputs).
     */
    public static List<DmnDecisionTableEvaluationEvent> evaluationEvents(String key, Map<String, Object> variables) {
        List<DmnDecisionTableEvaluationEvent> events = new ArrayList<>();
        EVENTS.set(events);
        try {
            evaluate(key, variables);
            return events;
        } finally {
            EVENTS.remove();
        }
    }
}
