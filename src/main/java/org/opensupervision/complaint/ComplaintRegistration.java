package org.opensupervision.complaint;

import java.time.LocalDate;

/** A validated complaint as intake hands it over for registration. */
public record ComplaintRegistration(String departmentCode, ComplaintCategory category, String title,
                                    String description, String approvalCaseNumber, LocalDate incidentDate,
                                    boolean anonymous, String contactName, String contactPhone,
                                    String contactEmail, String idempotencyKey, String requestFingerprint) {

    /** The same registration with the fingerprint of the request that made it. */
    public ComplaintRegistration withFingerprint(String fingerprint) {
        return new ComplaintRegistration(departmentCode, category, title, description, approvalCaseNumber,
                incidentDate, anonymous, contactName, contactPhone, contactEmail, idempotencyKey, fingerprint);
    }

    /** The e-mail address to write to, or null for an anonymous complaint or one without an address. */
    public String citizenEmail() {
        return anonymous || contactEmail == null || contactEmail.isBlank() ? null : contactEmail;
    }
}
