package org.opensupervision.rating;

/** Where one rating round stands. */
public enum RatingStatus {
    /** Waiting for the complainant. */
    OPEN,
    /** The complainant rated. */
    RATED,
    /** No rating within the period: counts as 基本满意, marked as defaulted. */
    DEFAULTED,
    /** Voided after an upheld appeal (申诉复核). */
    VOIDED
}
