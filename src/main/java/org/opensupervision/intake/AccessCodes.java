package org.opensupervision.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The complainant's secret access code is derived from the tracking number with a server-side key (HMAC-SHA-256), so
 * no code is stored anywhere and a retried submission can be answered with the same code.
 */
@Component
public class AccessCodes {

    private static final Logger log = LoggerFactory.getLogger(AccessCodes.class);
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int LENGTH = 10;
    static final String DEVELOPMENT_SECRET = "dev-only-access-code-secret-change-me";

    /** Initialised once; each use works on a clone, far cheaper than looking the algorithm up again. */
    private final Mac prototype;

    AccessCodes(@Value("${supervision.intake.access-code-secret}") String secret) {
        if (secret.length() < 16) {
            throw new IllegalStateException("supervision.intake.access-code-secret must have at least 16 characters");
        }
        if (DEVELOPMENT_SECRET.equals(secret)) {
            log.warn("Access codes use the development secret: set SUPERVISION_ACCESS_CODE_SECRET in production");
        }
        try {
            this.prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
    }

    /** The access code of a tracking number. */
    public String codeFor(String trackingNumber) {
        byte[] mac = hmac(trackingNumber);
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

    private byte[] hmac(String trackingNumber) {
        try {
            Mac mac = (Mac) prototype.clone();
            return mac.doFinal(trackingNumber.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException ex) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", ex);
        }
    }
}
