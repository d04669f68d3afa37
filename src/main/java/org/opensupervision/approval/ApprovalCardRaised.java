package org.opensupervision.approval;

import java.time.Instant;

/** Published inside the transaction that raised a card (for read models and the complaint side). */
public record ApprovalCardRaised(String caseId, String departmentCode, CardColour colour, CardCause cause,
                                 Instant raisedAt) {
}
