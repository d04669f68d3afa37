package org.opensupervision.approval;

import java.util.Map;

/**
 * The live supervision view of one department or the whole province (departmentCode null), computed from the tables
 * at each request, so it moves with every event.
 *
 * @param openByStatus               open cases by stage
 * @param nearLimit                  open cases under review whose yellow card for the promised limit is raised and the
 *                                   limit not yet passed
 * @param overdue                    open cases under review whose promised limit passed
 * @param yellowCardsThisMonth       cards raised this month (China Standard Time), withdrawn ones not counted
 * @param completedThisMonth         cases completed this month
 * @param fullyOnlineThisMonth       of those, applied for and completed online
 * @param fullyOnlineShare           their share, or null without completed cases
 * @param fullyOnlineTarget          the province's target share (at least 50 %)
 * @param averageShareOfPromisedUsed the mean of used working days / promised limit over the cases decided this month,
 *                                   or null
 */
public record ApprovalDashboard(String departmentCode, String month, Map<CaseStatus, Long> openByStatus,
                                long nearLimit, long overdue, long yellowCardsThisMonth, long redCardsThisMonth,
                                long completedThisMonth, long fullyOnlineThisMonth, Double fullyOnlineShare,
                                double fullyOnlineTarget, Double averageShareOfPromisedUsed) {
}
