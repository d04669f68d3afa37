package org.opensupervision.handling.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.DecisionEvaluationUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.opensupervision.workflow.ComplaintProcess;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/**
 * Takes the routing decision: the latest deployed version of the DMN table {@code complaint-routing}, which the
 * supervision office owns and edits, evaluated by {@link RoutingTable} (its rules read once per deployed version), or
 * by the DMN engine when the table holds something {@link RoutingTable} does not evaluate. Sets {@code routing} (the
 * single result, as the business-rule task's result variable was) and {@code routingRule}, which rule decided
 * ({@code complaint-routing v<version> <ruleId>}): the DMN engine's decision history is not written on the Java path,
 * so the case's variables and audit trail say it. On the DMN engine's path the rule is in Camunda's decision history
 * and {@code routingRule} names the table's version only.
 */
@Component("routeComplaint")
class RouteComplaint implements JavaDelegate {

    private final RepositoryService repository;
    private final Map<String, Optional<RoutingTable>> tables = new ConcurrentHashMap<>();

    RouteComplaint(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ComplaintProcess.ROUTING_DECISION).withoutTenantId().latestVersion()
                .singleResult();
        if (definition == null) {
            throw new IllegalStateException("No decision " + ComplaintProcess.ROUTING_DECISION + " is deployed");
        }
        String table = ComplaintProcess.ROUTING_DECISION + " v" + definition.getVersion();
        Optional<RoutingTable.Match> match = tables
                .computeIfAbsent(definition.getId(),
                        id -> RoutingTable.compile((DmnDecision) repository.getDecisionDefinition(id)))
                .flatMap(compiled -> compiled.evaluate(execution::getVariable));
        if (match.isPresent()) {
            execution.setVariable(Var.ROUTING, match.get().outputs());
            execution.setVariable(Var.ROUTING_RULE, table + " " + match.get().ruleId());
            return;
        }
        // The query's row carries no decision logic; the deployed definition does. Evaluated inside this activity,
        // the engine links the decision's history to the case as before.
        DmnDecisionResult result = DecisionEvaluationUtil.evaluateDecision(
                repository.getDecisionDefinition(definition.getId()), Variables.fromMap(execution.getVariables()));
        DmnDecisionResultEntries single = result.getSingleResult();
        execution.setVariable(Var.ROUTING, single == null ? null : new LinkedHashMap<>(single.getEntryMap()));
        execution.setVariable(Var.ROUTING_RULE, table);
    }
}
