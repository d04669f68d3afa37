package org.opensupervision.intake.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

final class IdempotencyKeys {

    static final int MAX_LENGTH = 128;

    private IdempotencyKeys() {
    }

    /** The key, or null when none was sent; rejects an over-long or non-printable key. */
    static String check(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Idempotency-Key must be 1 to 128 printable ASCII characters");
        }
        return key;
    }
}
