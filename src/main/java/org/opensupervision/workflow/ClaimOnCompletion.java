package org.opensupervision.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Completing a task nobody has claimed claims it for the person completing it: no "claim first" surprise after the
 * form is filled in, and the history says who did the work. The engine still decides whether the person may work
 * the task at all (candidate group, TASK_WORK); a task someone else has claimed stays theirs. Added to every user
 * task of every model as a built-in listener, so it runs before the model's own complete listeners (the validators),
 * and goes back with them when one refuses the entry.
 */
@Component
class ClaimOnCompletion extends AbstractProcessEnginePlugin {

    static final TaskListener CLAIM = ClaimOnCompletion::claim;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, CLAIM);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private static void claim(DelegateTask task) {
        if (task.getAssignee() != null) {
            return;
        }
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user != null && user.getUserId() != null) {
            task.setAssignee(user.getUserId());
        }
    }
}
