package org.opensupervision.intake;

/** The same idempotency key came with a different complaint. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException(String key) {
        super("The Idempotency-Key " + key + " was used before for a different complaint");
    }
}
