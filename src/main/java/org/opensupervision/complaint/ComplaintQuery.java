package org.opensupervision.complaint;

import java.time.Instant;

/**
 * Filters of the staff complaint list; every field is optional.
 *
 * @param departmentCode the department concerned or the one handling the case
 * @param submittedFrom  inclusive
 * @param submittedTo    exclusive
 * @param overdue        true: only cases with a missed deadline; false: only cases without one
 * @param text           part of the tracking number or the title
 */
public record ComplaintQuery(String departmentCode, ComplaintStatus status, ComplaintCategory category,
                             Instant submittedFrom, Instant submittedTo, Boolean overdue, String text) {
}
