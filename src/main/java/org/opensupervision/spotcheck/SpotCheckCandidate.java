package org.opensupervision.spotcheck;

/** A case closed in the period, with what weights it up in the draw. */
public record SpotCheckCandidate(String trackingNumber, String departmentCode, boolean breached,
                                 boolean ratedBadly) {

    /** 1, plus the breach weight if a deadline was missed, plus the bad-rating weight if it was rated badly. */
    int weight(int breachWeight, int badRatingWeight) {
        return 1 + (breached ? breachWeight : 0) + (ratedBadly ? badRatingWeight : 0);
    }
}
