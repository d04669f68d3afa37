package org.opensupervision.notification;

import java.util.List;

import org.opensupervision.privacy.EncryptedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox's recipients are encrypted (a complainant's address is contact data). */
@Configuration(proxyBeanMethods = false)
class OutboxRecipientColumns {

    @Bean
    EncryptedColumns encryptedOutboxRecipients() {
        return new EncryptedColumns("outbound_mail", "id", List.of("recipient"));
    }
}
