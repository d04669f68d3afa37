package org.opensupervision.rating;

import java.util.List;
import java.util.Map;

/** A rating that cannot be taken: bad link, closed round, or invalid fields. */
public class RatingRejectedException extends RuntimeException {

    /** Why. */
    public enum Reason { INVALID_LINK, NOT_OPEN, INVALID }

    private final Reason reason;
    private final transient List<Map<String, Object>> fieldErrors;

    RatingRejectedException(Reason reason, List<Map<String, Object>> fieldErrors) {
        super(reason.name());
        this.reason = reason;
        this.fieldErrors = fieldErrors;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#INVALID}: {@code [{field, code, message}]}. */
    public List<Map<String, Object>> fieldErrors() {
        return fieldErrors;
    }
}
