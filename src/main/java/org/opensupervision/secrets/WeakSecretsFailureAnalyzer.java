package org.opensupervision.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the refusal into Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace to read. */
class WeakSecretsFailureAnalyzer extends AbstractFailureAnalyzer<WeakSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WeakSecretsException cause) {
        return new FailureAnalysis(WeakSecretsException.description(cause.secrets()),
                WeakSecretsException.action(cause.secrets()), cause);
    }
}
