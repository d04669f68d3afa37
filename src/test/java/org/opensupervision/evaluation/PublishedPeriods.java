package org.opensupervision.evaluation;

/** For tests that need a published period of the evaluation as a fixture (the matrix, the hostile input). */
public final class PublishedPeriods {

    private PublishedPeriods() {
    }

    /**
     * The period {@code code} computed and published once (a period with no data, such as a month of 2019: every
     * department unscored); returns the code.
     */
    public static String ensurePublished(Evaluations evaluations, String code, String actor) {
        EvaluationPeriod period = EvaluationPeriod.parse(code).orElseThrow();
        if (evaluations.published(period).isEmpty()) {
            evaluations.compute(period, actor);
            evaluations.publish(period, actor);
        }
        return code;
    }
}
