package org.opensupervision.evaluation;

import java.util.List;
import java.util.Map;

/** An evaluation step refused: why, and for invalid input each field's problem. */
public class EvaluationRejected extends RuntimeException {

    /** Why a step was refused. */
    public enum Reason {
        /** The period is published: it is never computed again; a correction makes a new version. */
        ALREADY_PUBLISHED,
        /** Nothing computed for the period yet. */
        NOT_COMPUTED,
        /** The input is wrong, field by field. */
        INVALID
    }

    private final Reason reason;
    private final transient List<Map<String, String>> errors;

    public EvaluationRejected(Reason reason, List<Map<String, String>> errors) {
        super(reason + (errors == null || errors.isEmpty() ? "" : ": " + errors));
        this.reason = reason;
        this.errors = errors == null ? List.of() : errors;
    }

    public Reason reason() {
        return reason;
    }

    public List<Map<String, String>> errors() {
        return errors;
    }
}
