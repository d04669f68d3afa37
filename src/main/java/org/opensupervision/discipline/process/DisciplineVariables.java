package org.opensupervision.discipline.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;

/** Typed reads of the disciplinary process's variables. */
final class DisciplineVariables {

    private DisciplineVariables() {
    }

    static Long caseId(VariableScope scope) {
        return ((Number) scope.getVariable(Discipline.CASE_ID)).longValue();
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
