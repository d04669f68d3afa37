package org.opensupervision.rating;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Signed rating links: {@code trackingNumber.round.expiresEpochSecond.signature}. Nothing is stored for a link; it is
 * single-use because a round takes one rating only, and it expires with the round.
 */
@Component
class RatingLinks {

    private final SecretKeySpec key;

    RatingLinks(RatingProperties properties) {
        this.key = new SecretKeySpec(properties.linkSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String tokenFor(String trackingNumber, int round, Instant expiresAt) {
        String payload = trackingNumber + "." + round + "." + expiresAt.getEpochSecond();
        return payload + "." + sign(payload);
    }

    /** The link's tracking number and round, if its signature is right (expiry is checked by the caller). */
    Optional<Link> read(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Link(parts[0], Integer.parseInt(parts[1]),
                    Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
    }

    record Link(String trackingNumber, int round, Instant expiresAt) {
    }
}
