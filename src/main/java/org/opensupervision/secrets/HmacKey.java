package org.opensupervision.secrets;

/**
 * The application's HMAC keys by name: which setting holds each and where an operator sets it. {@link KeyedDigests}
 * reads them; {@code SecretSettings} refuses a weak one before the start.
 */
public enum HmacKey {

    /** The audit trail's hash chain and its daily anchors. */
    AUDIT_CHAIN("supervision.audit.chain-key", "SUPERVISION_AUDIT_CHAIN_KEY"),
    /** The signed rating links in the complainant's mail (HS256). */
    RATING_LINK("supervision.rating.link-secret", "SUPERVISION_RATING_LINK_SECRET"),
    /** The complainant's access codes, and (under a label) the fingerprints of idempotent intake requests. */
    ACCESS_CODE("supervision.intake.access-code-secret", "SUPERVISION_ACCESS_CODE_SECRET");

    private final String property;
    private final String environmentVariable;

    HmacKey(String property, String environmentVariable) {
        this.property = property;
        this.environmentVariable = environmentVariable;
    }

    /** The configuration property that holds the key. */
    public String property() {
        return property;
    }

    /** The environment variable an operator sets it with. */
    public String environmentVariable() {
        return environmentVariable;
    }
}
