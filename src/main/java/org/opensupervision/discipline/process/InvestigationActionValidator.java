package org.opensupervision.discipline.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.workflow.ProcessVariables;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.springframework.stereotype.Component;

/** The investigation ends with findings, or is extended once, with a reason and a number of working days. */
@Component("investigationActionValidator")
class InvestigationActionValidator implements TaskListener {

    private final DisciplinaryCases cases;

    InvestigationActionValidator(DisciplinaryCases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        String choose = "请选择 CONCLUDE 或 EXTEND / Choose CONCLUDE or EXTEND";
        InvestigationAction action = ProcessVariables.decision(task, Discipline.INVESTIGATION_ACTION,
                InvestigationAction.class, choose);
        if (action == InvestigationAction.CONCLUDE) {
            if (ProcessVariables.text(task, Discipline.FINDINGS) == null) {
                throw new BadUserRequestException("请填写调查结论 / Write down the findings");
            }
            return;
        }
        if (action != InvestigationAction.EXTEND) {
            throw new BadUserRequestException(choose);
        }
        if (Boolean.TRUE.equals(task.getVariable(Discipline.EXTENDED))) {
            throw new BadUserRequestException("调查只能延期一次 / The investigation can be extended only once");
        }
        if (ProcessVariables.text(task, Discipline.EXTENSION_REASON) == null) {
            throw new BadUserRequestException("延期须说明理由 / An extension needs a reason");
        }
        Object days = task.getVariable(Discipline.EXTENSION_WORKING_DAYS);
        if (!(days instanceof Number n) || n.intValue() < 1 || n.intValue() > cases.maxExtensionWorkingDays()) {
            throw new BadUserRequestException("延期工作日数须在 1 至 " + cases.maxExtensionWorkingDays()
                    + " 之间 / Extension working days must be between 1 and " + cases.maxExtensionWorkingDays());
        }
    }
}
