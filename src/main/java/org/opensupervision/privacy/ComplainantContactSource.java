package org.opensupervision.privacy;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Where the complainants' contact data are stored: implemented by the module that owns them (the complaint module),
 * so this module reveals them without knowing that module, and nobody else reads them there. Only
 * {@link ComplainantContacts} calls it.
 */
public interface ComplainantContactSource {

    /** The contact data of the case, or empty when the complaint was anonymous or there is no such case. */
    Optional<ComplainantContact> contactOf(String trackingNumber);

    /** The contact data of several cases in one read: tracking number -> contact, anonymous and unknown ones left out. */
    Map<String, ComplainantContact> contactsOf(Collection<String> trackingNumbers);
}
