package org.opensupervision.approval;

import java.time.Instant;

/** One line of the staff list of approval cases. */
public record ApprovalCaseSummary(String caseId, String itemCode, String departmentCode, CaseStatus status,
                                  Instant submittedAt, Instant acceptedAt, Instant promisedDueAt,
                                  Instant statutoryDueAt, boolean overdue, String raisedCauses, Instant lastEventAt) {
}
