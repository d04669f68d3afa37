package org.opensupervision.audit;

import org.opensupervision.privacy.ContactRevealRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the grants, revocations and views of a complainant's contact data into the case's chain, in the transaction
 * of the action (a synchronous listener: the action and its entry commit or roll back together). The privacy module
 * publishes the event, since it cannot call this module without a cycle (audit reads complaints, which read privacy).
 */
@Component
class ContactRevealAuditing {

    private final AuditTrail trail;

    ContactRevealAuditing(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(ContactRevealRecorded event) {
        trail.append(new AuditRecord(event.trackingNumber(), event.kind(), AuditSource.STAFF, event.actor(), null,
                "contact-reveal-" + event.revealId(), event.detail(), event.reason()));
    }
}
