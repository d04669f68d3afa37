package org.opensupervision.discipline.process;

import java.util.Arrays;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.discipline.DisciplinaryOutcome;
import org.opensupervision.workflow.ProcessVariables;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.springframework.stereotype.Component;

/** The decision needs one of the graded outcomes and its reason. */
@Component("disciplinaryDecisionValidator")
class DisciplinaryDecisionValidator implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String outcome = ProcessVariables.text(task, Discipline.OUTCOME);
        if (outcome == null || Arrays.stream(DisciplinaryOutcome.values()).noneMatch(o -> o.name().equals(outcome))) {
            throw new BadUserRequestException("请在「处理结果」中选择一项");
        }
        if (ProcessVariables.text(task, Discipline.OUTCOME_REASON) == null) {
            throw new BadUserRequestException("请在「决定理由」中写明处理决定的理由");
        }
    }
}
