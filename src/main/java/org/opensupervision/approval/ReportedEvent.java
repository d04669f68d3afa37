package org.opensupervision.approval;

import java.time.Instant;

/**
 * One event of a case, as the department's system reported it and as it is kept. Events of a case are applied in
 * the order of {@link #ORDER}: their own time, then the order of the lifecycle for events at the same instant, then
 * arrival.
 */
record ReportedEvent(String eventId, String caseId, String itemCode, String departmentCode, ApprovalEventType type,
                     Instant occurredAt, Channel channel, String reason, SpecialProcedure procedure,
                     ApprovalDecision decision, long arrival) {

    static final java.util.Comparator<ReportedEvent> ORDER = java.util.Comparator
            .comparing(ReportedEvent::occurredAt)
            .thenComparing(ReportedEvent::type)
            .thenComparingLong(ReportedEvent::arrival);

    /** The name of the stop this event opens or closes, or null. */
    String stopName() {
        return switch (type) {
            case CORRECTION_REQUESTED, CORRECTION_RECEIVED -> CaseProgress.CORRECTION_STOP;
            case SPECIAL_PROCEDURE_STARTED, SPECIAL_PROCEDURE_ENDED -> procedure.name();
            default -> null;
        };
    }
}
