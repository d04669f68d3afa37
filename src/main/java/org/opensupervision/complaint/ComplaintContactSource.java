package org.opensupervision.complaint;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.opensupervision.privacy.ComplainantContact;
import org.opensupervision.privacy.ComplainantContactSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complainants' contact data, decrypted by the column converter, handed to the privacy module and to nobody else:
 * the only reader of the entity's contact fields outside the entity.
 */
@Component
@Transactional(readOnly = true)
class ComplaintContactSource implements ComplainantContactSource {

    private final ComplaintRecords records;
    private final ComplaintRepository complaints;

    ComplaintContactSource(ComplaintRecords records, ComplaintRepository complaints) {
        this.records = records;
        this.complaints = complaints;
    }

    @Override
    public Optional<ComplainantContact> contactOf(String trackingNumber) {
        return records.load(trackingNumber).flatMap(ComplaintContactSource::contact);
    }

    @Override
    public Map<String, ComplainantContact> contactsOf(Collection<String> trackingNumbers) {
        Map<String, ComplainantContact> result = new HashMap<>();
        if (trackingNumbers.isEmpty()) {
            return result;
        }
        for (Complaint c : complaints.findByTrackingNumberIn(trackingNumbers)) {
            contact(c).ifPresent(contact -> result.put(c.getTrackingNumber(), contact));
        }
        return result;
    }

    private static Optional<ComplainantContact> contact(Complaint c) {
        return c.isAnonymous() ? Optional.empty()
                : Optional.of(new ComplainantContact(c.getContactName(), c.getContactPhone(), c.getContactEmail()));
    }
}
