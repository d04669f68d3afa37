package org.opensupervision.handling.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.springframework.stereotype.Component;

/** Refuses to complete the triage task with an incomplete decision; Tasklist shows the message. */
@Component("triageDecisionValidator")
class TriageDecisionValidator implements TaskListener {

    private final DepartmentDirectory departments;

    TriageDecisionValidator(DepartmentDirectory departments) {
        this.departments = departments;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = ProcessVariables.string(task, Var.TRIAGE_DECISION);
        if (decision == null) {
            throw new BadUserRequestException(
                    "请选择分办决定 / Choose a triage decision (ACCEPT, REDIRECT, REJECT, ESCALATE)");
        }
        switch (decision) {
            case "ACCEPT" -> { }
            case "REDIRECT" -> {
                String target = ProcessVariables.string(task, Var.REDIRECT_DEPARTMENT_CODE);
                if (ProcessVariables.blank(target) || departments.find(target.trim()).isEmpty()) {
                    throw new BadUserRequestException("转办须填写有效的部门编码 / A redirect needs a valid department code");
                }
                if (target.trim().equals(task.getVariable(Var.HANDLING_DEPARTMENT_CODE))) {
                    throw new BadUserRequestException("案件已由该部门承办 / The case is already with this department");
                }
                task.setVariable(Var.REDIRECT_DEPARTMENT_CODE, target.trim());
            }
            case "REJECT" -> {
                if (ProcessVariables.blank(ProcessVariables.string(task, Var.TRIAGE_REASON))) {
                    throw new BadUserRequestException("不予受理须说明理由 / A rejection needs a reason for the citizen");
                }
            }
            case "ESCALATE" -> {
                if (ProcessVariables.blank(ProcessVariables.string(task, Var.TRIAGE_REASON))) {
                    throw new BadUserRequestException("移交纪检须说明理由 / An escalation to discipline needs a reason");
                }
            }
            default -> throw new BadUserRequestException("未知的分办决定 / Unknown triage decision: " + decision);
        }
    }
}
