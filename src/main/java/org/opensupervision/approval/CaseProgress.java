package org.opensupervision.approval;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where one case stands, reached by applying its events in their own order. It knows the lifecycle (which event may
 * follow which), the clock stops (补正 and special procedures; overlapping and nested stops count once, each stop at
 * most its item's maximum) and the irregularities its events prove. The clocks themselves are
 * {@link ApprovalClockPolicy}'s.
 *
 * <p>Stopped days are counted as the calendar counts days between two days: a stop from Monday to Wednesday stops
 * Tuesday and Wednesday (2 working days); a stop ended the day it started stops nothing. Stops before acceptance
 * belong to the acceptance stage; the clocks start at acceptance with no stopped days.
 */
final class CaseProgress {

    static final String CORRECTION_STOP = "CORRECTION";

    /** Counts the working days a stop from one instant to another covers. */
    interface StopDays {
        int between(Instant from, Instant to);
    }

    CaseStatus stage;
    Instant submittedAt;
    Channel submittedChannel;
    Instant acceptedAt;
    Instant decidedAt;
    ApprovalDecision decision;
    Instant completedAt;
    Channel completedChannel;
    Instant closedAt;
    int stoppedWorkingDays;
    Instant stopSince;
    final Set<String> openStops = new TreeSet<>();
    Instant lastEventAt;
    /** Causes the events prove (irregular closures, a late stage, a stop over its maximum, a limit passed). */
    final Set<CardCause> provenCauses = EnumSet.noneOf(CardCause.class);

    private final ApprovalItem item;
    private final ApprovalClockPolicy clocks;

    CaseProgress(ApprovalItem item, ApprovalClockPolicy clocks) {
        this.item = item;
        this.clocks = clocks;
    }

    ApprovalItem item() {
        return item;
    }

    /** The stage, with an open stop shown as 补正 or 特别程序. */
    CaseStatus status() {
        if (!stage.isOpen() || openStops.isEmpty()) {
            return stage;
        }
        return openStops.contains(CORRECTION_STOP) ? CaseStatus.CORRECTION : CaseStatus.SPECIAL_PROCEDURE;
    }

    boolean isOpen() {
        return stage != null && stage.isOpen();
    }

    /** Applies the next event in order, or refuses it without changing anything. */
    void apply(ReportedEvent e) throws ImpossibleTransition {
        Instant at = e.occurredAt();
        if (stage == null && e.type() != ApprovalEventType.SUBMITTED && e.type() != ApprovalEventType.ACCEPTED) {
            throw new ImpossibleTransition("The case is unknown: its first event must be SUBMITTED or ACCEPTED");
        }
        if (stage != null && !stage.isOpen()) {
            throw new ImpossibleTransition("The case is closed (" + stage + ")");
        }
        switch (e.type()) {
            case SUBMITTED -> {
                require(stage == null, "The case was already submitted");
                stage = CaseStatus.SUBMITTED;
                submittedAt = at;
                submittedChannel = e.channel();
            }
            case ACCEPTED -> {
                require(stage == null || stage == CaseStatus.SUBMITTED, "Only a submitted case can be accepted");
                require(openStops.isEmpty(), "The case cannot be accepted while " + openStops + " is open");
                if (stage == null) {
                    // Applied for and accepted at once (at the counter): the application is the acceptance.
                    submittedAt = at;
                    submittedChannel = e.channel();
                }
                Instant acceptanceDue = clocks.stageDue(item.acceptanceLimitWorkingDays(), submittedAt,
                        stoppedWorkingDays);
                if (acceptanceDue != null && !at.isBefore(acceptanceDue)) {
                    provenCauses.add(CardCause.ACCEPTANCE_STAGE_LATE);
                }
                stage = CaseStatus.ACCEPTED;
                acceptedAt = at;
                stoppedWorkingDays = 0;
            }
            case REFUSED_AT_INTAKE -> {
                require(stage == CaseStatus.SUBMITTED, "Only a submitted case can be refused at intake");
                closeAllStops(at);
                close(CaseStatus.REFUSED_AT_INTAKE, at);
            }
            case CORRECTION_REQUESTED, SPECIAL_PROCEDURE_STARTED -> {
                boolean correction = e.type() == ApprovalEventType.CORRECTION_REQUESTED;
                require(stage == CaseStatus.ACCEPTED || correction && stage == CaseStatus.SUBMITTED,
                        correction ? "补正 can be requested before the decision only"
                                : "A special procedure can start only during review (after acceptance)");
                require(!openStops.contains(e.stopName()), e.stopName() + " is already open");
                if (openStops.isEmpty()) {
                    stopSince = at;
                }
                openStops.add(e.stopName());
            }
            case CORRECTION_RECEIVED, SPECIAL_PROCEDURE_ENDED -> {
                require(openStops.contains(e.stopName()), e.stopName() + " is not open");
                openStops.remove(e.stopName());
                if (openStops.isEmpty()) {
                    endStop(at);
                }
            }
            case DECIDED -> {
                require(stage == CaseStatus.ACCEPTED || stage == CaseStatus.SUBMITTED,
                        "Only a case under review can be decided");
                require(openStops.isEmpty(), "The case cannot be decided while " + openStops + " is open");
                if (stage == CaseStatus.SUBMITTED) {
                    provenCauses.add(CardCause.DECIDED_BEFORE_ACCEPTANCE);
                } else {
                    provenCauses.addAll(clocks.passedAtDecision(this, at));
                }
                if (e.decision() == ApprovalDecision.REFUSED && (e.reason() == null || e.reason().isBlank())) {
                    provenCauses.add(CardCause.REFUSED_WITHOUT_REASON);
                }
                stage = CaseStatus.DECIDED;
                decidedAt = at;
                decision = e.decision();
            }
            case COMPLETED -> {
                boolean onTheSpot = item.caseType() == CaseType.IMMEDIATE && stage == CaseStatus.ACCEPTED;
                require(stage == CaseStatus.DECIDED || onTheSpot, "Only a decided case can be completed");
                require(openStops.isEmpty(), "The case cannot be completed while " + openStops + " is open");
                if (onTheSpot) {
                    provenCauses.addAll(clocks.passedAtDecision(this, at));
                    decidedAt = at;
                    decision = ApprovalDecision.APPROVED;
                } else {
                    Instant deliveryDue = clocks.stageDue(item.decisionLimitWorkingDays(), decidedAt, 0);
                    if (deliveryDue != null && !at.isBefore(deliveryDue)) {
                        provenCauses.add(CardCause.DELIVERY_STAGE_LATE);
                    }
                }
                if (e.channel() == Channel.COUNTER && item.onlineRequired()) {
                    provenCauses.add(CardCause.COUNTER_WHEN_ONLINE_REQUIRED);
                }
                completedAt = at;
                completedChannel = e.channel();
                close(CaseStatus.COMPLETED, at);
            }
            case WITHDRAWN -> {
                closeAllStops(at);
                close(CaseStatus.WITHDRAWN, at);
            }
        }
        lastEventAt = lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
    }

    /** The working days the open stop counts as of {@code now}: at most the item's maximum. */
    int openStopCredit(Instant now) {
        if (stopSince == null) {
            return 0;
        }
        return Math.min(clocks.stopDays(stopSince, now), item.maxStopWorkingDays());
    }

    private void endStop(Instant at) {
        if (clocks.stopDays(stopSince, at) > item.maxStopWorkingDays()) {
            provenCauses.add(CardCause.STOP_OVER_LIMIT);
        }
        stoppedWorkingDays += openStopCredit(at);
        stopSince = null;
    }

    private void closeAllStops(Instant at) {
        if (!openStops.isEmpty()) {
            openStops.clear();
            endStop(at);
        }
    }

    private void close(CaseStatus end, Instant at) {
        stage = end;
        closedAt = at;
    }

    private static void require(boolean condition, String message) throws ImpossibleTransition {
        if (!condition) {
            throw new ImpossibleTransition(message);
        }
    }
}
