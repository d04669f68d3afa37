package org.opensupervision.evaluation;

/**
 * One indicator of one department in one period.
 *
 * @param code        the indicator
 * @param dimension   its dimension
 * @param value       the value of its formula (a share from 0 to 1, a figure per 100 or per 1,000, or points);
 *                    null when not measured or without a denominator
 * @param numerator   the counted cases (points for the deduction); null when not measured
 * @param denominator the base; null when not measured
 * @param status      scored, too few to score, or not measured
 * @param score       its score from 0 to 100 when scored (null for the deduction, which is taken off the total)
 * @param weight      its weight in the rules
 * @param corrected   whether the evaluation office corrected its counts (the corrections list the originals)
 */
public record IndicatorResult(Indicator code, Dimension dimension, Double value, Long numerator, Long denominator,
                              IndicatorStatus status, Double score, double weight, boolean corrected) {
}
