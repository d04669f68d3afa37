package org.opensupervision.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's decision results carry the outputs but not the ids of the rules that matched; the engine's DMN
 * evaluation events do. This plugin adds a listener to the engine's DMN engine and hands the events of one
 * evaluation, on the calling thread, to {@link SupervisionRules}.
 */
@Component
class MatchedRuleCapture extends AbstractProcessEnginePlugin implements DmnDecisionEvaluationListener {

    private static final ThreadLocal<List<DmnDecisionTableEvaluationEvent>> CURRENT = new ThreadLocal<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
        if (dmn == null) {
            dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            configuration.setDmnEngineConfiguration(dmn);
        }
        List<DmnDecisionEvaluationListener> listeners = new ArrayList<>(dmn.getCustomPostDecisionEvaluationListeners());
        listeners.add(this);
        dmn.customPostDecisionEvaluationListeners(listeners);
    }

    @Override
    public void notify(DmnDecisionEvaluationEvent event) {
        List<DmnDecisionTableEvaluationEvent> events = CURRENT.get();
        if (events != null && event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
            events.add(table);
        }
    }

    /** Runs the evaluation and returns the decision-table events it produced. */
    List<DmnDecisionTableEvaluationEvent> during(Supplier<?> evaluation) {
        List<DmnDecisionTableEvaluationEvent> events = new ArrayList<>();
        CURRENT.set(events);
        try {
            evaluation.get();
            return events;
        } finally {
            CURRENT.remove();
        }
    }
}
