package org.opensupervision.discipline;

import java.time.Instant;

/**
 * One trigger of a deduplicated escalation: the first opened the disciplinary case, later ones (the same department,
 * rule and month while the case is open) were attached to it instead of opening another.
 */
public record EscalationEvidence(String trackingNumber, EscalationSource source, String reason, int severity,
                                 Instant recordedAt) {
}
