package org.opensupervision.evaluation;

import java.time.Instant;

/**
 * A figure the evaluation office corrected, with the original kept: before publication it changes the draft; after
 * publication it makes a new published version, and both versions stay readable.
 *
 * @param version the result version that first carries the correction
 */
public record Correction(int version, String departmentCode, Indicator indicator, long originalNumerator,
                         long originalDenominator, long correctedNumerator, long correctedDenominator, String reason,
                         String correctedBy, Instant correctedAt, boolean afterPublication) {
}
