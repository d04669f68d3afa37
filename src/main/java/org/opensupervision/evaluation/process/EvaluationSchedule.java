package org.opensupervision.evaluation.process;

import org.opensupervision.evaluation.EvaluationProperties;
import org.springframework.stereotype.Component;

/**
 * The timer cycle of {@code monthly-evaluation}'s start event ({@code ${evaluationSchedule.cycle}}), read when the
 * model is deployed.
 */
@Component("evaluationSchedule")
public class EvaluationSchedule {

    private final EvaluationProperties properties;

    EvaluationSchedule(EvaluationProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.cycle();
    }
}
