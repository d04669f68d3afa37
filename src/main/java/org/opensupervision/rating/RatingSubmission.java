package org.opensupervision.rating;

import java.util.Map;

/**
 * What the complainant sends: one of the five levels (5 = 非常满意 … 1 = 非常不满意), an optional comment, and the
 * answers to the questionnaire (question key → 1..5 for SCALE, true/false for YES_NO).
 */
public record RatingSubmission(Integer level, String comment, Map<String, Object> answers) {
}
