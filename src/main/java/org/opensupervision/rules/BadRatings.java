package org.opensupervision.rules;

import java.time.Instant;

/**
 * Bad ratings (差评) of the satisfaction evaluation, as far as the rules and the spot-check weights need them. The
 * ratings are the rating module's data: it implements this interface ({@code rating.RecordedBadRatings}), so the
 * rules need not know that module.
 */
public interface BadRatings {

    /** How many bad ratings the department received since {@code since}. */
    long countSince(String departmentCode, Instant since);

    /** Whether the case was rated badly. */
    boolean ratedBadly(String trackingNumber);
}
