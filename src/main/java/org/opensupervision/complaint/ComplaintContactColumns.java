package org.opensupervision.complaint;

import java.util.List;

import org.opensupervision.privacy.EncryptedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The complaint's encrypted contact columns, for the re-encryption after a key change. */
@Configuration(proxyBeanMethods = false)
class ComplaintContactColumns {

    @Bean
    EncryptedColumns encryptedComplaintContacts() {
        return new EncryptedColumns("complaint", "id", List.of("contact_name", "contact_phone", "contact_email"));
    }
}
