package org.opensupervision.privacy;

import java.util.Map;

/**
 * A staff action on a case's contact data: a reveal granted or revoked, or revealed data viewed. Published in the
 * transaction of the action, so that the audit trail records it in that transaction (the audit module listens; this
 * module need not know it). It never holds the contact data itself.
 *
 * @param trackingNumber the case
 * @param kind {@code CONTACT_REVEAL_GRANTED}, {@code CONTACT_REVEAL_REVOKED} or {@code CONTACT_REVEAL_VIEWED}
 * @param actor the staff user who acted
 * @param revealId the grant
 * @param detail facts of the action (whom a grant is for, the channel of a view), never contact data
 * @param reason the reason given for a grant, or null
 */
public record ContactRevealRecorded(String trackingNumber, String kind, String actor, Long revealId,
                                    Map<String, ?> detail, String reason) {

    public static final String GRANTED = "CONTACT_REVEAL_GRANTED";
    public static final String REVOKED = "CONTACT_REVEAL_REVOKED";
    public static final String VIEWED = "CONTACT_REVEAL_VIEWED";
}
