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
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.opensupervision.workflow.ComplaintProcess;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Takes the routing decision: the latest deployed version of the DMN table {@code complaint-routing}, which the
 * supervision office owns and edits, evaluated by {@link RoutingTable} (its rules read once per deployed version), or
 * by the DMN engine when the table holds something {@link RoutingTable} does not evaluate. Sets {@code routing} (the
 * single result, as the business-rule task's result variable was) and {@code routingRule}, which rule decided
 * ({@code complaint-routing v<version> <ruleId>}): the DMN engine's decision history is not written on the Java path,
 * so the case's variables and audit trail say it. On the DMN engine's path the rule is in Camunda's decision history
 * and {@code routingRule} names the table's version only.
 * <p>
 * {@code routing} is transient (issue 17): {@code recordRouting} and {@code applyRedirect}, the steps right after this
 * one in the same transaction, are all that read it, and a stored map was a serialized object, a byte array and their
 * history per case. What it decided is stored as {@code handlingDepartmentCode}, {@code priority} and
 * {@code routingRule}. The latest version of the table is looked up once per transaction: the intake's starter routes
 * a batch of complaints in one, all by the table as it stood when the batch began.
 */
@Component("routeComplaint")
class RouteComplaint implements JavaDelegate {

    private final RepositoryService repository;
    private final Map<String, Optional<RoutingTable>> tables = new ConcurrentHashMap<>();
    /** The key of the transaction's resource: the latest version of the table, as this transaction first found it. */
    private final Object latestInTransaction = new Object();

    RouteComplaint(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        DecisionDefinition definition = latestTable();
        String table = ComplaintProcess.ROUTING_DECISION + " v" + definition.getVersion();
        Optional<RoutingTable.Match> match = tables
                .computeIfAbsent(definition.getId(),
                        id -> RoutingTable.compile((DmnDecision) repository.getDecisionDefinition(id)))
                .flatMap(compiled -> compiled.evaluate(execution::getVariable));
        if (match.isPresent()) {
            setRouting(execution, match.get().outputs());
            execution.setVariable(Var.ROUTING_RULE, table + " " + match.get().ruleId());
            return;
        }
        // The query's row carries no decision logic; the deployed definition does. Evaluated inside this activity,
        // the engine links the decision's history to the case as before.
        DmnDecisionResult result = DecisionEvaluationUtil.evaluateDecision(
                repository.getDecisionDefinition(definition.getId()), Variables.fromMap(execution.getVariables()));
        DmnDecisionResultEntries single = result.getSingleResult();
        setRouting(execution, single == null ? null : new LinkedHashMap<>(single.getEntryMap()));
        execution.setVariable(Var.ROUTING_RULE, table);
    }

    private static void setRouting(DelegateExecution execution, Map<String, Object> outputs) {
        // A case routed before the result became transient holds it stored, and the engine sets no transient value
        // over a stored one: such a case (a redirect) keeps it stored.
        TypedValue stored = execution.getVariableTyped(Var.ROUTING, false);
        execution.setVariable(Var.ROUTING, Variables.untypedValue(outputs, stored == null || stored.isTransient()));
    }

    private DecisionDefinition latestTable() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return queryLatestTable();
        }
        DecisionDefinition latest =
                (DecisionDefinition) TransactionSynchronizationManager.getResource(latestInTransaction);
        if (latest == null) {
            latest = queryLatestTable();
            TransactionSynchronizationManager.bindResource(latestInTransaction, latest);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(latestInTransaction);
                }
            });
        }
        return latest;
    }

    private DecisionDefinition queryLatestTable() {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ComplaintProcess.ROUTING_DECISION).withoutTenantId().latestVersion()
                .singleResult();
        if (definition == null) {
            throw new IllegalStateException("No decision " + ComplaintProcess.ROUTING_DECISION + " is deployed");
        }
        return definition;
    }
}
