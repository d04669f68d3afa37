package org.opensupervision.evaluation;

/**
 * A figure the evaluation office corrects: the indicator's counts for one department, and why.
 *
 * @param numerator   the corrected numerator (points for the deduction)
 * @param denominator the corrected base
 */
public record CorrectionRequest(String departmentCode, String indicator, Long numerator, Long denominator,
                                String reason) {
}
