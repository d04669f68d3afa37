package org.opensupervision.approval.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.opensupervision.approval.ApprovalEventInput;
import org.opensupervision.approval.ApprovalItem;

/**
 * A simulated case: its script of steps and how far the API has confirmed it. Steps sent and not confirmed keep the
 * instants they were first sent with, so that a batch that failed is sent again unchanged (same event ids, times).
 */
final class SimulatedCase {

    private final String caseId;
    private final ApprovalItem item;
    private final String scenario;
    private final List<SimulatedStep> steps;
    private int confirmed;
    /** The times of the steps sent and not yet confirmed, or null. */
    private List<Instant> pending;
    private Instant lastAt;

    SimulatedCase(String caseId, ApprovalItem item, String scenario, List<SimulatedStep> steps) {
        this.caseId = caseId;
        this.item = item;
        this.scenario = scenario;
        this.steps = List.copyOf(steps);
    }

    String caseId() {
        return caseId;
    }

    String departmentCode() {
        return item.departmentCode();
    }

    /** "PROMISED LATE COMPLETED: SUBMITTED ACCEPTED …", for the log and the test of the seed. */
    String scenario() {
        return scenario;
    }

    List<SimulatedStep> steps() {
        return steps;
    }

    boolean finished() {
        return confirmed == steps.size();
    }

    /** Whether the next steps were sent and not confirmed: they are sent again, whatever the dice say. */
    boolean awaitingRetry() {
        return pending != null;
    }

    boolean started() {
        return confirmed > 0 || pending != null;
    }

    /**
     * The next events, their times fixed on the first call. A backdated history (the steps planned in the past) goes
     * at once, as a system that reports a case it has been working on: sent one a tick, an application days old
     * would wait for its acceptance and be carded as a late acceptance it is not. A live step goes alone, at
     * {@code now}. Times never go before the case's previous event nor after {@code now}.
     */
    List<ApprovalEventInput> next(Instant now) {
        if (pending == null) {
            List<Instant> times = new ArrayList<>();
            Instant last = lastAt;
            int i = confirmed;
            do {
                SimulatedStep step = steps.get(i);
                Instant at = step.plannedAt() != null && step.plannedAt().isBefore(now) ? step.plannedAt() : now;
                if (last != null && !at.isAfter(last)) {
                    at = last.plusSeconds(1);
                }
                times.add(at);
                last = at;
                i++;
            } while (i < steps.size() && steps.get(confirmed).plannedAt() != null && steps.get(i).plannedAt() != null);
            pending = List.copyOf(times);
        }
        List<ApprovalEventInput> events = new ArrayList<>();
        for (int k = 0; k < pending.size(); k++) {
            events.add(event(confirmed + k, pending.get(k)));
        }
        return events;
    }

    /** The last confirmed event again, as a department's system resends after a lost answer; null before any. */
    ApprovalEventInput resend() {
        return confirmed == 0 ? null : event(confirmed - 1, lastAt);
    }

    /** The API kept the next events (or knew them already): the case moves on. */
    void confirm() {
        lastAt = pending.get(pending.size() - 1);
        confirmed += pending.size();
        pending = null;
    }

    private ApprovalEventInput event(int index, Instant at) {
        SimulatedStep step = steps.get(index);
        return new ApprovalEventInput(caseId + "-" + (index + 1), caseId, item.itemCode(), item.departmentCode(),
                step.type().name(), at.atOffset(java.time.ZoneOffset.ofHours(8)).toString(), step.channel().name(),
                step.reason(), step.procedure() == null ? null : step.procedure().name(),
                step.decision() == null ? null : step.decision().name());
    }
}
