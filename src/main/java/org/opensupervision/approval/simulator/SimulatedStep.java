package org.opensupervision.approval.simulator;

import java.time.Instant;

import org.opensupervision.approval.ApprovalDecision;
import org.opensupervision.approval.ApprovalEventType;
import org.opensupervision.approval.Channel;
import org.opensupervision.approval.SpecialProcedure;

/**
 * One planned event of a simulated case. A step planned in the past (a backdated acceptance, an earlier 补正) carries
 * its instant; a live step happens when it is sent.
 */
record SimulatedStep(ApprovalEventType type, Channel channel, Instant plannedAt, String reason,
                     SpecialProcedure procedure, ApprovalDecision decision) {

    static SimulatedStep live(ApprovalEventType type, Channel channel) {
        return new SimulatedStep(type, channel, null, null, null, null);
    }

    static SimulatedStep at(ApprovalEventType type, Channel channel, Instant plannedAt) {
        return new SimulatedStep(type, channel, plannedAt, null, null, null);
    }

    SimulatedStep because(String why) {
        return new SimulatedStep(type, channel, plannedAt, why, procedure, decision);
    }

    SimulatedStep of(SpecialProcedure which) {
        return new SimulatedStep(type, channel, plannedAt, reason, which, decision);
    }

    SimulatedStep deciding(ApprovalDecision outcome) {
        return new SimulatedStep(type, channel, plannedAt, reason, procedure, outcome);
    }
}
