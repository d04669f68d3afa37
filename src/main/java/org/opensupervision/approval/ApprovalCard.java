package org.opensupervision.approval;

import java.time.Instant;

/** A yellow or red card as staff and the API see it. */
public record ApprovalCard(long id, String caseId, String departmentCode, CardColour colour, CardCause cause,
                           String reason, Instant raisedAt, CardStatus status, String contestReason,
                           String contestedBy, Instant contestedAt, String decidedBy, Instant decidedAt,
                           String decisionReason) {
}
