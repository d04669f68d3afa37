package org.opensupervision.rating.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Reading the rating process's variables, and who is acting. */
final class RatingVariables {

    private RatingVariables() {
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    static String requiredText(VariableScope scope, String name, String message) {
        String value = text(scope, name);
        if (value == null) {
            throw new BadUserRequestException(message);
        }
        return value;
    }

    static int round(VariableScope scope) {
        return ((Number) scope.getVariable(org.opensupervision.rating.RatingProcess.Var.RATING_ROUND)).intValue();
    }

    /** The logged-in user completing the step (Tasklist), or null for the engine. */
    static String actor(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
