package org.opensupervision.evaluation;

/**
 * The counts behind one indicator of one department: what the formula divides, or that there is no data source.
 * Counts of months add up to the counts of their year.
 */
record IndicatorCount(Indicator indicator, long numerator, long denominator, boolean measured) {

    static IndicatorCount notMeasured(Indicator indicator) {
        return new IndicatorCount(indicator, 0, 0, false);
    }

    IndicatorCount plus(IndicatorCount other) {
        return new IndicatorCount(indicator, numerator + other.numerator, denominator + other.denominator,
                measured || other.measured);
    }
}
