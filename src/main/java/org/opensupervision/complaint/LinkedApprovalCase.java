package org.opensupervision.complaint;

import java.time.Instant;
import java.util.List;

/**
 * The approval case a complaint names ({@code approvalCaseNumber}), as shown beside the complaint: its stage, both
 * limits and its cards. Plain values, so that the complaint module needs nothing of the approval module.
 *
 * @param status             the case's stage ({@code SUBMITTED}, {@code ACCEPTED}, … {@code COMPLETED})
 * @param stoppedWorkingDays working days the clocks stood still (补正, special procedures)
 * @param overdue            open, undecided, and its promised limit passed
 */
public record LinkedApprovalCase(String caseId, String itemCode, String itemName, String departmentCode,
                                 String status, Instant submittedAt, Instant acceptedAt, Instant decidedAt,
                                 Instant completedAt, Instant promisedDueAt, Instant statutoryDueAt,
                                 int stoppedWorkingDays, boolean overdue, List<Card> cards) {

    /**
     * A yellow or red card of the case.
     *
     * @param colour {@code YELLOW} or {@code RED}
     * @param cause  why it was raised ({@code PROMISED_LIMIT_PASSED}, …)
     * @param status {@code ACTIVE}, {@code CONTESTED}, {@code UPHELD} or {@code WITHDRAWN}
     */
    public record Card(String colour, String cause, String reason, Instant raisedAt, String status) {
    }
}
