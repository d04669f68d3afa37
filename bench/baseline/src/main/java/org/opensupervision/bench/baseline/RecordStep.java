package org.opensupervision.bench.baseline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service task of the baseline process: one variable written, as a minimal delegate does. */
@Component("recordStep")
class RecordStep implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("recorded", Boolean.TRUE);
    }
}
