package org.opensupervision.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One department's result in one period.
 *
 * @param score  0 to 100 with two decimals; null when no weighted indicator could be scored (no rank, no grade)
 * @param rank   1 for the best; equal scores share a rank and the next rank skips (1, 1, 3)
 * @param change the score minus the department's published score of the period before; null without either
 */
public record DepartmentResult(String departmentCode, BigDecimal score, Integer rank, Grade grade, BigDecimal change,
                               List<IndicatorResult> indicators) {

    /** The indicator with this code. */
    public IndicatorResult indicator(Indicator code) {
        return indicators.stream().filter(i -> i.code() == code).findFirst().orElseThrow();
    }
}
