package org.opensupervision.dashboard;

import java.time.YearMonth;
import java.util.List;

/**
 * What one department has on its desk now, and what happened this month (in China Standard Time).
 *
 * @param openByStatus        the open cases by status, each with how many missed a deadline
 * @param overdueOpen         open cases that missed a deadline or are past one now
 * @param firstFeedbackBreaches first-feedback breaches recorded against the department this month
 * @param handlingBreaches    handling breaches recorded against it this month
 * @param receivedThisMonth   cases submitted this month that the department handles
 * @param closedThisMonth     cases it handled that were closed this month
 */
public record DepartmentDashboard(String departmentCode, YearMonth month, List<OpenCases> openByStatus,
                                  long overdueOpen, long firstFeedbackBreaches, long handlingBreaches,
                                  long receivedThisMonth, long closedThisMonth) {

    /** Open cases in one status, and how many of them missed the first-feedback or the handling deadline. */
    public record OpenCases(String status, long cases, long firstFeedbackBreached, long handlingBreached) {
    }

    /** All open cases of the department. */
    public long openTotal() {
        return openByStatus.stream().mapToLong(OpenCases::cases).sum();
    }
}
