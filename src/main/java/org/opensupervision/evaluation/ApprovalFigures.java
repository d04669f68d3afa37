package org.opensupervision.evaluation;

import java.time.Instant;
import java.util.Map;

/**
 * What the evaluation needs of the approval cases, declared here and implemented by the approval module, so that the
 * evaluation never names an approval table or type (the approval module's wall). Without an implementation the
 * approval indicators are "not measured".
 */
public interface ApprovalFigures {

    /** Department code -> its approval figures of {@code [from, to)}; departments without any case are absent. */
    Map<String, ApprovalCounts> between(Instant from, Instant to);

    /**
     * One department's approval cases in a period.
     *
     * @param submitted         cases applied for (申办) in the period
     * @param submittedOnline   of those, applied for online
     * @param accepted          cases accepted (受理) in the period: the base of the cards per 100 cases
     * @param cards             yellow and red cards raised in the period and not withdrawn
     * @param decided           cases decided (审批决定) in the period
     * @param decidedOnTime     of those, decided by the promised limit (承诺时限)
     * @param completed         cases completed (办结) in the period
     * @param completedOnline   of those, applied for and completed online (全流程网办)
     */
    record ApprovalCounts(long submitted, long submittedOnline, long accepted, long cards, long decided,
                          long decidedOnTime, long completed, long completedOnline) {
    }
}
