package org.opensupervision.rating.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opensupervision.rating.RatingProcess.Var;
import org.opensupervision.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/** The callback of an unrated case needs its note: Tasklist shows the message and the task stays open. */
@Component("callbackValidator")
class CallbackValidator implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        ProcessVariables.requiredText(task, Var.CALLBACK_NOTE, "请在「回访记录」中填写回访情况");
    }
}
