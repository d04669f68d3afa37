package org.opensupervision.dashboard;

/**
 * One department's figures for one month. Cohorts: the cases received (submitted) in the month, for intake and first
 * feedback; the cases closed in the month, for closure and rework; the breaches recorded and the ratings given (or
 * defaulted) in the month. A rate is {@code null} when its base is zero. No score and no rank: the weights of a
 * ranking are the evaluation office's to set, and none are defined yet.
 *
 * @param received              cases received in the month that the department handles
 * @param firstFeedbackDue      of those, the ones whose first feedback was given or is already due
 * @param firstFeedbackOnTime   of those, the ones answered within the deadline
 * @param closed                cases closed in the month
 * @param closedOnTime          of those, closed without a handling breach
 * @param reworked              of those, sent back for rework at least once
 * @param firstFeedbackBreaches first-feedback breaches recorded in the month
 * @param handlingBreaches      handling breaches recorded in the month
 * @param ratings               ratings given or defaulted in the month (voided ones left out)
 * @param satisfied             of those, 基本满意 or better (a defaulted rating counts as 基本满意)
 * @param badRatings            of those, 不满意 or 非常不满意
 * @param rectificationBreaches bad-rating rectifications that passed their deadline in the month (recorded once per
 *                              case, issue 13)
 */
public record DepartmentKpis(String departmentCode, long received, long firstFeedbackDue, long firstFeedbackOnTime,
                             long closed, long closedOnTime, long reworked, long firstFeedbackBreaches,
                             long handlingBreaches, long ratings, long satisfied, long badRatings,
                             long rectificationBreaches) {

    /** A department with nothing in the month. */
    public static DepartmentKpis none(String departmentCode) {
        return new DepartmentKpis(departmentCode, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public Double firstFeedbackOnTimeRate() {
        return rate(firstFeedbackOnTime, firstFeedbackDue);
    }

    public Double closedOnTimeRate() {
        return rate(closedOnTime, closed);
    }

    public Double reworkRate() {
        return rate(reworked, closed);
    }

    public Double satisfactionRate() {
        return rate(satisfied, ratings);
    }

    public long breaches() {
        return firstFeedbackBreaches + handlingBreaches + rectificationBreaches;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
