package org.opensupervision.privacy;

/**
 * A complainant's contact data, decrypted. Handed out only by {@link ComplainantContacts}; never logged (the log
 * encoder redacts phone numbers and addresses anyway), never written to the audit trail or a process variable.
 *
 * @param name  the name, or null
 * @param phone the phone number, or null
 * @param email the e-mail address, or null
 */
public record ComplainantContact(String name, String phone, String email) {
}
