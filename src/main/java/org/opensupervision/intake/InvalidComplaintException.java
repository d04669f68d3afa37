package org.opensupervision.intake;

import org.springframework.validation.Errors;

/** The submission failed validation; nothing was stored. */
public class InvalidComplaintException extends RuntimeException {

    private final transient Errors errors;

    InvalidComplaintException(Errors errors) {
        super("Invalid complaint: " + errors.getErrorCount() + " field error(s)");
        this.errors = errors;
    }

    /** The field errors, with codes that resolve to localized messages. */
    public Errors errors() {
        return errors;
    }
}
