package org.opensupervision.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;

/**
 * HMAC-SHA-256 under one named key ({@link KeyedDigests#of(HmacKey)}): the one place where a {@link Mac} is set up.
 * Thread-safe: the {@code Mac} is initialised once and each use works on a clone, far cheaper than looking the
 * algorithm up again. The key itself never leaves this object.
 */
public final class KeyedDigest {

    private static final String ALGORITHM = "HmacSHA256";

    private final String name;
    private final SecretKeySpec key;
    private final Mac prototype;

    KeyedDigest(String name, String secret) {
        this.name = name;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        try {
            this.prototype = Mac.getInstance(ALGORITHM);
            prototype.init(key);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ALGORITHM + " unavailable", ex);
        }
    }

    /** The MAC of the bytes. */
    public byte[] digest(byte[] data) {
        return newMac().doFinal(data);
    }

    /** The MAC of the text's UTF-8 bytes. */
    public byte[] digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The MAC of the text's UTF-8 bytes as lower-case hex (64 characters). */
    public String hex(String text) {
        return HexFormat.of().formatHex(digest(text));
    }

    /** A fresh MAC under this key, for input that arrives in parts ({@link Mac#update}, then {@link Mac#doFinal}). */
    public Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException ex) {
            throw new IllegalStateException(ALGORITHM + " cannot be cloned", ex);
        }
    }

    /**
     * A JWS signer (HS256) under this key.
     *
     * @throws IllegalStateException if the key is shorter than the 256 bits HS256 requires (RFC 7518, 3.2)
     */
    public JWSSigner jwsSigner() {
        try {
            return new MACSigner(key);
        } catch (JOSEException ex) {
            throw tooShortForJws(ex);
        }
    }

    /**
     * A JWS verifier (HS256) under this key.
     *
     * @throws IllegalStateException if the key is shorter than the 256 bits HS256 requires (RFC 7518, 3.2)
     */
    public JWSVerifier jwsVerifier() {
        try {
            return new MACVerifier(key);
        } catch (JOSEException ex) {
            throw tooShortForJws(ex);
        }
    }

    private IllegalStateException tooShortForJws(JOSEException ex) {
        return new IllegalStateException(name + " must have at least 32 bytes to sign with HS256 (RFC 7518, 3.2)", ex);
    }

    @Override
    public String toString() {
        return "HMAC-SHA-256 under " + name;
    }
}
