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
        String choose = "请在「调查进展」中选择调查结束或申请延期";
        InvestigationAction action = ProcessVariables.decision(task, Discipline.INVESTIGATION_ACTION,
                InvestigationAction.class, choose);
        if (action == InvestigationAction.CONCLUDE) {
            if (ProcessVariables.text(task, Discipline.FINDINGS) == null) {
                throw new BadUserRequestException("调查结束须在「调查结论」中填写调查情况");
            }
            return;
        }
        if (action != InvestigationAction.EXTEND) {
            throw new BadUserRequestException(choose);
        }
        if (Boolean.TRUE.equals(task.getVariable(Discipline.EXTENDED))) {
            throw new BadUserRequestException("调查已延期过一次，不能再次延期，请选择调查结束并填写调查结论");
        }
        if (ProcessVariables.text(task, Discipline.EXTENSION_REASON) == null) {
            throw new BadUserRequestException("申请延期须在「延期理由」中说明理由");
        }
        Object days = task.getVariable(Discipline.EXTENSION_WORKING_DAYS);
        if (!(days instanceof Number n) || n.intValue() < 1 || n.intValue() > cases.maxExtensionWorkingDays()) {
            throw new BadUserRequestException("「延期工作日数」须在 1 至 " + cases.maxExtensionWorkingDays()
                    + " 之间");
        }
    }
}
