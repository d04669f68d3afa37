package org.opensupervision.discipline.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opensupervision.discipline.OverdueDisciplinarySteps;
import org.opensupervision.workflow.ProcessVariables;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.springframework.stereotype.Component;

/**
 * An inspector's step passed its deadline: the step named by the model's local input {@code overdueStep} goes to the
 * head of discipline inspection ({@link OverdueDisciplinarySteps}).
 */
@Component("escalateOverdueDisciplinaryStep")
class EscalateOverdueDisciplinaryStep implements JavaDelegate {

    static final String OVERDUE_STEP = "overdueStep";

    private final OverdueDisciplinarySteps overdueSteps;

    EscalateOverdueDisciplinaryStep(OverdueDisciplinarySteps overdueSteps) {
        this.overdueSteps = overdueSteps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        overdueSteps.escalate(ProcessVariables.requiredLong(execution, Discipline.CASE_ID),
                execution.getProcessInstanceId(), ProcessVariables.requiredText(execution, OVERDUE_STEP));
    }
}
