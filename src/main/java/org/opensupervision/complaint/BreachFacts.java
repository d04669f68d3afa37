package org.opensupervision.complaint;

import java.time.Instant;

/** A missed deadline of a case as other modules read it: the kind, the department held to it, when. */
public record BreachFacts(BreachKind kind, String departmentCode, Instant dueAt, Instant recordedAt) {
}
