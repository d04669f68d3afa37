package org.opensupervision.audit;

import java.time.Instant;

/**
 * One line of a case's staff timeline.
 *
 * @param at when
 * @param origin who caused it: {@code ENGINE}, {@code STAFF} or {@code CITIZEN}
 * @param kind what happened
 * @param title the model element's name or the entry's element
 * @param element the model element, task or other thing the entry is about, or null
 * @param actor the staff user, or null
 * @param detail facts as JSON text, or null
 * @param reason the reason given, or null
 */
public record TimelineItem(Instant at, String origin, String kind, String title, String element, String actor,
                           String detail, String reason) {
}
