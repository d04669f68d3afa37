package org.opensupervision.audit;

/** A part of a case's dossier contributed by another module (e.g. the ratings), so the audit module needs no
 * knowledge of it. */
public interface DossierSection {

    /** The key of the section in the dossier JSON. */
    String name();

    /** The section's content for one case: plain data, never contact data. */
    Object contentFor(String trackingNumber);
}
