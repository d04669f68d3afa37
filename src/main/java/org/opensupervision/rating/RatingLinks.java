package org.opensupervision.rating;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.opensupervision.secrets.HmacKey;
import org.opensupervision.secrets.KeyedDigest;
import org.opensupervision.secrets.KeyedDigests;
import org.springframework.stereotype.Component;

/**
 * Signed rating links: a compact JWS (HS256 under {@code supervision.rating.link-secret}) whose claims are the tracking
 * number ({@code sub}), the round ({@code round}) and the round's deadline ({@code exp}). Nothing is stored for a link;
 * it is single-use because a round takes one rating only, and it expires with the round. A token that is not a JWS, is
 * signed with another key or algorithm, or lacks a claim is no link at all.
 */
@Component
class RatingLinks {

    static final String ROUND = "round";

    private final JWSSigner signer;
    private final JWSVerifier verifier;

    RatingLinks(KeyedDigests digests) {
        KeyedDigest key = digests.of(HmacKey.RATING_LINK);
        this.signer = key.jwsSigner();
        this.verifier = key.jwsVerifier();
    }

    String tokenFor(String trackingNumber, int round, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(trackingNumber).claim(ROUND, round)
                .expirationTime(Date.from(expiresAt)).build();
        SignedJWT jws = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jws.sign(signer);
        } catch (JOSEException ex) {
            throw new IllegalStateException("Cannot sign a rating link", ex);
        }
        return jws.serialize();
    }

    /** The link's tracking number and round, if its signature is right (expiry is checked by the caller). */
    Optional<Link> read(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            SignedJWT jws = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm()) || !jws.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jws.getJWTClaimsSet();
            Long round = claims.getLongClaim(ROUND);
            Date expires = claims.getExpirationTime();
            if (claims.getSubject() == null || round == null || expires == null
                    || round < 1 || round > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            return Optional.of(new Link(claims.getSubject(), round.intValue(), expires.toInstant()));
        } catch (ParseException | JOSEException | IllegalStateException ex) {
            return Optional.empty();
        }
    }

    record Link(String trackingNumber, int round, Instant expiresAt) {
    }
}
