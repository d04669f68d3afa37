package org.opensupervision.audit;

import java.time.Instant;

/**
 * One line of a case's staff timeline.
 *
 * @param at when
 * @param origin {@code AUDIT} (our chain) or {@code HISTORY} (Camunda's history)
 * @param kind what happened
 * @param title the model element's name or the entry's element
 * @param actor the staff user, or null
 * @param detail facts as JSON text, or null
 * @param reason the reason given, or null
 */
public record TimelineItem(Instant at, String origin, String kind, String title, String actor, String detail,
                           String reason) {
}
