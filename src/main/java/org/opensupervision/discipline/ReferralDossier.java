package org.opensupervision.discipline;

import java.time.Instant;
import java.util.List;

import org.opensupervision.complaint.ComplaintFacts;

/**
 * The referral dossier of a disciplinary case: the case's facts and timeline. The complainant's identity is sealed
 * ({@code complainant} is null) unless an inspector unsealed it for this view, with a reason on record.
 */
public record ReferralDossier(DisciplinaryCase disciplinaryCase, ComplaintFacts complaint, List<Entry> timeline,
                              Complainant complainant, List<DossierUnsealing> unsealings) {

    /** Whether the complainant's identity is hidden in this view. */
    public boolean sealed() {
        return complainant == null;
    }

    /** One dated event of the case. */
    public record Entry(Instant at, String event) {
    }

    /** Who complained, shown only when unsealed. */
    public record Complainant(boolean anonymous, String name, String phone, String email) {
    }
}
