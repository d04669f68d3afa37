package org.opensupervision.privacy;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

/**
 * Put {@code @Convert(converter = EncryptedContact.class)} on an entity's contact attribute: the column holds only
 * ciphertext, the getter returns the plain value. Hibernate obtains this converter from Spring.
 */
@Component
@Converter
public class EncryptedContact implements AttributeConverter<String, String> {

    private final ContactCipher cipher;

    EncryptedContact(ContactCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String plain) {
        return cipher.encrypt(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.decrypt(stored);
    }
}
