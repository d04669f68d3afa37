package org.opensupervision.handling.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.opensupervision.access.StaffGroups;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete the triage task with an incomplete decision; Tasklist shows the message. Triage is a gate
 * (docs/architecture.md, "Triage is a gate"): once the department has given its first feedback, only the head of the
 * supervision office may reject the complaint, since a rejection then ends work the department has begun.
 */
@Component("triageDecisionValidator")
class TriageDecisionValidator implements TaskListener {

    private final DepartmentDirectory departments;
    private final ComplaintRecords records;

    TriageDecisionValidator(DepartmentDirectory departments, ComplaintRecords records) {
        this.departments = departments;
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        TriageDecision decision = ProcessVariables.decision(task, Var.TRIAGE_DECISION, TriageDecision.class,
                "未知的分办决定，请在「分办决定」中重新选择");
        if (decision == null) {
            throw new BadUserRequestException(
                    "请在「分办决定」中选择受理、转办、不予受理或移交纪检");
        }
        switch (decision) {
            case ACCEPT -> { }
            case REDIRECT -> {
                String target = ProcessVariables.text(task, Var.REDIRECT_DEPARTMENT_CODE);
                if (target == null || departments.find(target).isEmpty()) {
                    throw new BadUserRequestException("转办须在「转办至」中选择一个部门");
                }
                if (target.equals(task.getVariable(Var.HANDLING_DEPARTMENT_CODE))) {
                    throw new BadUserRequestException("案件已由该部门办理，请选择其他部门");
                }
                task.setVariable(Var.REDIRECT_DEPARTMENT_CODE, target);
            }
            case REJECT -> {
                if (ProcessVariables.text(task, Var.TRIAGE_REASON) == null) {
                    throw new BadUserRequestException("不予受理须在「理由」中写明告知投诉人的理由");
                }
                if (departmentHasStarted(task) && !byHeadOfOffice(task)) {
                    throw new BadUserRequestException("办理部门已开始办理，不予受理须由效能监督机构负责人决定，请报负责人处理");
                }
            }
            case ESCALATE -> {
                if (ProcessVariables.text(task, Var.TRIAGE_REASON) == null) {
                    throw new BadUserRequestException("移交纪检须在「理由」中说明理由");
                }
            }
        }
    }

    private boolean departmentHasStarted(DelegateTask task) {
        String trackingNumber = ProcessVariables.requiredText(task, Var.TRACKING_NUMBER);
        return records.find(trackingNumber).map(c -> c.firstFeedbackAt() != null).orElse(false);
    }

    private static boolean byHeadOfOffice(DelegateTask task) {
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user != null && user.getGroupIds() != null && user.getGroupIds().contains(StaffGroups.SUPERVISION_HEAD);
    }
}
