package org.opensupervision.approval;

import java.time.Instant;
import java.util.List;

/**
 * One approval case with its clocks, cards and events ({@code GET /api/approval-cases/{caseId}}).
 *
 * @param clockStopped        a 补正 or special procedure is open
 * @param openStops           the open stops ({@code CORRECTION}, {@code HEARING}, …)
 * @param stoppedWorkingDays  the working days the stops counted so far (each at most its item's maximum)
 * @param usedWorkingDays     working days from acceptance to the decision, net of stops (decided cases)
 * @param overdue             open, not decided, and its promised limit passed
 */
public record ApprovalCaseView(String caseId, String itemCode, int itemVersion, String itemName,
                               String departmentCode, CaseType caseType, CaseStatus status, Instant submittedAt,
                               Channel submittedChannel, Instant acceptedAt, Instant decidedAt,
                               ApprovalDecision decision, Instant completedAt, Channel completedChannel,
                               Instant statutoryDueAt, Instant promisedDueAt, int stoppedWorkingDays,
                               boolean clockStopped, List<String> openStops, Integer usedWorkingDays,
                               boolean overdue, List<ApprovalCard> cards, List<Event> events) {

    /** One kept event, in the order of its own time. */
    public record Event(String eventId, ApprovalEventType type, Instant occurredAt, Instant receivedAt,
                        Channel channel, String reason, SpecialProcedure procedure, ApprovalDecision decision) {
    }
}
