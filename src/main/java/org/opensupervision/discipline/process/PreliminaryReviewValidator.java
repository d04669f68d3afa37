package org.opensupervision.discipline.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.discipline.DisciplinaryOutcome;
import org.opensupervision.workflow.ProcessVariables;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.springframework.stereotype.Component;

/**
 * Completes the preliminary review: {@code INVESTIGATE} opens an investigation; {@code NO_CASE} closes the case as
 * 无违规 with a reason. The finding is recorded in the same transaction.
 */
@Component("preliminaryReviewValidator")
class PreliminaryReviewValidator implements TaskListener {

    private final DisciplinaryCases cases;

    PreliminaryReviewValidator(DisciplinaryCases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        String choose = "请在「初核结论」中选择立案调查或不予立案";
        PreliminaryFinding finding = ProcessVariables.decision(task, Discipline.PRELIMINARY_FINDING,
                PreliminaryFinding.class, choose);
        if (finding == null) {
            throw new BadUserRequestException(choose);
        }
        if (finding == PreliminaryFinding.NO_CASE) {
            if (ProcessVariables.text(task, Discipline.OUTCOME_REASON) == null) {
                throw new BadUserRequestException("不予立案须在「不予立案理由」中说明理由");
            }
            task.setVariable(Discipline.OUTCOME, DisciplinaryOutcome.NO_VIOLATION.name());
        }
        cases.recordPreliminaryFinding(ProcessVariables.requiredLong(task, Discipline.CASE_ID), finding.name());
    }
}
