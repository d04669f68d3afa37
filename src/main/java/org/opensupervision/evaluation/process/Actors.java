package org.opensupervision.evaluation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completed the task that led to a delegate (Tasklist, REST), or null when the engine acts on its own. */
final class Actors {

    private Actors() {
    }

    static String current(DelegateExecution execution) {
        Authentication login = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return login == null ? null : login.getUserId();
    }
}
