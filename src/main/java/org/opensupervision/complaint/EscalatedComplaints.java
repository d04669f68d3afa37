package org.opensupervision.complaint;

import java.util.Set;

/**
 * The complaints escalated to discipline inspection, which inspectors may read. Implemented by the module that
 * keeps the disciplinary cases, so this module need not know it.
 */
public interface EscalatedComplaints {

    /** Tracking numbers of every complaint with a disciplinary case. */
    Set<String> trackingNumbers();

    boolean isEscalated(String trackingNumber);
}
