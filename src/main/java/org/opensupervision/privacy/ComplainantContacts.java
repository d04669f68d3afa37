package org.opensupervision.privacy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place a complainant's contact data leave the module that stores them: for a staff reader (through
 * {@link ContactVisibility}: the supervision office always, anybody else through a reveal, every such view recorded),
 * for the mail to the complainant, and for a disciplinary dossier an inspector unsealed on record. Other modules read
 * a complaint's facts without contact data ({@code complaint.ComplaintFacts}).
 */
@Service
public class ComplainantContacts {

    private final ComplainantContactSource source;
    private final ContactVisibility visibility;

    ComplainantContacts(ComplainantContactSource source, ContactVisibility visibility) {
        this.source = source;
        this.visibility = visibility;
    }

    /**
     * The contact data of one case as this staff reader may see them. An anonymous case asks nothing of the
     * visibility rules; a view through a reveal is recorded.
     */
    @Transactional
    public StaffContact forStaff(Authentication reader, String trackingNumber, ContactVisibility.Channel channel) {
        return source.contactOf(trackingNumber).map(contact -> show(reader, trackingNumber, channel, contact))
                .orElse(StaffContact.NONE);
    }

    /**
     * {@link #forStaff} for the rows of a list, with one read of the stored data; tracking number -> what the
     * reader gets, in the given order.
     */
    @Transactional
    public Map<String, StaffContact> forStaff(Authentication reader, Collection<String> trackingNumbers,
                                              ContactVisibility.Channel channel) {
        Map<String, ComplainantContact> stored = source.contactsOf(trackingNumbers);
        Map<String, StaffContact> result = new LinkedHashMap<>();
        for (String trackingNumber : trackingNumbers) {
            ComplainantContact contact = stored.get(trackingNumber);
            result.put(trackingNumber, contact == null ? StaffContact.NONE
                    : show(reader, trackingNumber, channel, contact));
        }
        return result;
    }

    /**
     * The address the complaint's own mails go to (first feedback, reply, rating link), or empty when the complaint
     * is anonymous or gave no address. The system sends; no person sees it, so no view is recorded.
     */
    @Transactional(readOnly = true)
    public Optional<String> mailAddressOf(String trackingNumber) {
        return source.contactOf(trackingNumber).map(ComplainantContact::email);
    }

    /**
     * The complainant's contact data for a disciplinary dossier an inspector unsealed; the caller records who
     * unsealed it and why before it asks. Empty for an anonymous complaint.
     */
    @Transactional(readOnly = true)
    public Optional<ComplainantContact> forUnsealedDossier(String trackingNumber) {
        return source.contactOf(trackingNumber);
    }

    private StaffContact show(Authentication reader, String trackingNumber, ContactVisibility.Channel channel,
                              ComplainantContact contact) {
        return visibility.access(reader, trackingNumber, channel).visible() ? new StaffContact(contact, false)
                : StaffContact.WITHHELD;
    }
}
