package org.opensupervision.privacy;

/**
 * What a staff reader gets of a complainant's contact data: nothing to show (an anonymous complaint), the data, or
 * the note that they are withheld from this reader.
 *
 * @param shown    the contact data, when the reader may see them; else null
 * @param withheld whether the case has contact data this reader may not see
 */
public record StaffContact(ComplainantContact shown, boolean withheld) {

    static final StaffContact NONE = new StaffContact(null, false);
    static final StaffContact WITHHELD = new StaffContact(null, true);

    /** Whether the contact data are shown to the reader. */
    public boolean visible() {
        return shown != null;
    }
}
