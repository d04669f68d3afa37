package org.opensupervision.notification;

import java.util.Map;

/**
 * Facts another module adds to a mail's template (e.g. the rating link), so this module needs no knowledge of it.
 * Never contact data.
 */
public interface MailFacts {

    /** Extra template variables for this notice and case; empty when the notice is none of this module's. */
    Map<String, Object> factsFor(Notice notice, String trackingNumber);
}
