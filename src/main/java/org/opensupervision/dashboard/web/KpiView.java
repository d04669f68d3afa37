package org.opensupervision.dashboard.web;

import org.opensupervision.dashboard.DepartmentKpis;

/** One department's row of the KPI month, as the API shows it (rates from 0 to 1, left out when there is no base). */
record KpiView(String departmentCode, String departmentName, long received, long firstFeedbackDue,
               long firstFeedbackOnTime, Double firstFeedbackOnTimeRate, long closed, long closedOnTime,
               Double closedOnTimeRate, long reworked, Double reworkRate, long firstFeedbackBreaches,
               long handlingBreaches, long ratings, long satisfied, long badRatings, Double satisfactionRate,
               long rectificationBreaches) {

    static KpiView of(DepartmentKpis k, String departmentName) {
        return new KpiView(k.departmentCode(), departmentName, k.received(), k.firstFeedbackDue(),
                k.firstFeedbackOnTime(), k.firstFeedbackOnTimeRate(), k.closed(), k.closedOnTime(),
                k.closedOnTimeRate(), k.reworked(), k.reworkRate(), k.firstFeedbackBreaches(), k.handlingBreaches(),
                k.ratings(), k.satisfied(), k.badRatings(), k.satisfactionRate(), k.rectificationBreaches());
    }
}
