package org.opensupervision.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.opensupervision.secrets.HmacKey;
import org.opensupervision.secrets.KeyedDigest;
import org.opensupervision.secrets.KeyedDigests;
import org.springframework.stereotype.Component;

/**
 * The complainant's secret access code is derived from the tracking number with a server-side key (HMAC-SHA-256), so
 * no code is stored anywhere and a retried submission can be answered with the same code.
 */
@Component
public class AccessCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int LENGTH = 10;

    private final KeyedDigest hmac;

    AccessCodes(KeyedDigests digests) {
        this.hmac = digests.of(HmacKey.ACCESS_CODE);
    }

    /** The access code of a tracking number. */
    public String codeFor(String trackingNumber) {
        byte[] mac = hmac.digest(trackingNumber);
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt((mac[i] & 0xff) % ALPHABET.length()));
        }
        return code.toString();
    }

    /** Whether {@code candidate} is the access code of the tracking number (constant time). */
    public boolean matches(String trackingNumber, String candidate) {
        if (candidate == null) {
            return false;
        }
        byte[] expected = codeFor(trackingNumber).getBytes(StandardCharsets.US_ASCII);
        byte[] given = candidate.trim().toUpperCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
