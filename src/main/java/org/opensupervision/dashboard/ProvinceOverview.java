package org.opensupervision.dashboard;

import org.opensupervision.complaint.ComplaintFigures.WatchedCase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where the province stands now, for supervisors (the Cockpit dashboard "监察总览"): per department, the open cases
 * near a deadline and past one, the breaches recorded this week and the open 督办 notices; and the cases behind those
 * figures, earliest due first. Only the departments the login may see (the offices: every one; a department: its
 * own).
 *
 * @param at            when the figures were read
 * @param weekFrom      the Monday (China Standard Time) the week's breaches are counted from
 * @param departments   one row per department in scope, in the directory's order
 * @param overdue       open cases that missed a deadline or are past one now
 * @param nearDeadline  open cases, not overdue, whose first feedback is due within the reminder lead time
 *                      (4 hours) or whose reply is due within the handling reminder (1 working day)
 * @param openNotices   cases with a 督办 notice sent and no reply yet
 * @param listLimit     at most this many cases in each list (the counts are complete)
 */
public record ProvinceOverview(Instant at, LocalDate weekFrom, List<DepartmentRow> departments,
                               List<WatchedCase> overdue, List<WatchedCase> nearDeadline,
                               List<WatchedCase> openNotices, int listLimit) {

    /** One department's figures. */
    public record DepartmentRow(String departmentCode, long nearDeadline, long overdue, long breachesThisWeek,
                                long openNotices) {
    }

    /**
     * A case behind a figure.
     *
     * @param deadline      which of its deadlines counts now: {@code FIRST_FEEDBACK} or {@code HANDLING}
     * @param dueAt         when that deadline is (or was)
     * @param noticeDueAt   by when the department must act on the 督办 notice or, once criticised (通报), on that;
     *                      null without a notice
     * @param criticised    the 督办 notice was ignored and the department's head told
     */
}
