package org.opensupervision.privacy;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code supervision.privacy.*}: the keys that encrypt complainants' contact data at rest.
 *
 * @param keys                   key id to a base64-encoded 256-bit AES key; every key that ever encrypted a stored
 *                               value must stay here until {@link ContactReEncryption} has moved its values
 * @param activeKey              the id of the key new values are encrypted with
 * @param reEncryptionBatchSize  rows per transaction of the re-encryption
 * @param reEncryptAtStartup     run the re-encryption once when the application starts
 */
@Validated
@ConfigurationProperties("supervision.privacy")
record PrivacyProperties(@NotEmpty Map<String, String> keys, @NotBlank String activeKey,
                         @DefaultValue("200") @Positive int reEncryptionBatchSize,
                         @DefaultValue("false") boolean reEncryptAtStartup) {
}
