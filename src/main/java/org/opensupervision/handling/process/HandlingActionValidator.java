package org.opensupervision.handling.process;

import java.time.Clock;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.handling.HandlingDeadlinePolicy;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Refuses an incomplete handling decision: a reply needs its text; an extension is possible once, before the
 * deadline, with a reason and a number of working days within the limit.
 */
@Component("handlingActionValidator")
class HandlingActionValidator implements TaskListener {

    private final HandlingDeadlinePolicy policy;
    private final Clock clock;

    HandlingActionValidator(HandlingDeadlinePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        HandlingAction action = ProcessVariables.decision(task, Var.HANDLING_ACTION, HandlingAction.class,
                "请在「办理操作」中选择提交答复或申请延期");
        if (action == HandlingAction.REPLY) {
            if (ProcessVariables.text(task, Var.REPLY_TEXT) == null) {
                throw new BadUserRequestException("提交答复须在「答复内容」中填写答复");
            }
        } else if (action == HandlingAction.REQUEST_EXTENSION) {
            checkExtension(task);
        } else {
            throw new BadUserRequestException("请在「办理操作」中选择提交答复或申请延期");
        }
    }

    private void checkExtension(DelegateTask task) {
        if (ProcessVariables.flag(task, Var.EXTENSION_REQUESTED)) {
            throw new BadUserRequestException("本案已申请过一次延期，不能再次申请，请提交答复");
        }
        if (!clock.instant().isBefore(ProcessVariables.instant(task, Var.HANDLING_DUE_AT))) {
            throw new BadUserRequestException("办理截止时间已过，不能再申请延期，请提交答复");
        }
        if (ProcessVariables.text(task, Var.EXTENSION_REASON) == null) {
            throw new BadUserRequestException("申请延期须在「延期理由」中说明理由");
        }
        Integer days = ProcessVariables.integer(task, Var.EXTENSION_WORKING_DAYS);
        if (days == null || days < 1 || days > policy.maxExtensionWorkingDays()) {
            throw new BadUserRequestException("「延长工作日数」须为 1 至 " + policy.maxExtensionWorkingDays()
                    + " 个工作日");
        }
    }
}
