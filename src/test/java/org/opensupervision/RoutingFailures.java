package org.opensupervision;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.opensupervision.workflow.ComplaintProcess;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Makes the routing of chosen complaints fail, as a broken rule or a failing step would: a start listener on
 * {@code Task_RouteComplaint} throws for the complaints whose title a test names (known before the tracking number
 * is), until it lets them go. Part of every
 * {@link IntegrationTest}'s context (one context for all), inert unless a test names a case.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RoutingFailures {

    private static final String ROUTING_TASK = "Task_RouteComplaint";
    private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();

    /** The routing of the complaints with this title fails from now on. */
    public static void failRoutingOf(String title) {
        FAILING.add(title);
    }

    /** The routing of the complaints with this title works again. */
    public static void letRoutingOf(String title) {
        FAILING.remove(title);
    }

    @Bean
    AbstractProcessEnginePlugin routingFailuresPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                if (configuration.getCustomPreBPMNParseListeners() == null) {
                    configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
                }
                configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
                    @Override
                    public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                        if (ROUTING_TASK.equals(activity.getId())) {
                            activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
                                if (FAILING.contains(execution.getVariable(ComplaintProcess.Var.TITLE))) {
                                    throw new IllegalStateException("Routing fails for this test: "
                                            + execution.getProcessBusinessKey());
                                }
                            });
                        }
                    }
                });
            }
        };
    }
}
