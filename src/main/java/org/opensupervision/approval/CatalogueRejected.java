package org.opensupervision.approval;

import java.util.List;

/** A catalogue refused whole: nothing of it was loaded. Each error names its row (from 1) and field. */
public class CatalogueRejected extends RuntimeException {

    /** A bad value: the row (CSV line number, or position in the JSON list from 1), the field and why. */
    public record RowError(int row, String field, String code, String message) {
    }

    private final transient List<RowError> errors;

    public CatalogueRejected(List<RowError> errors) {
        super(errors.size() + " bad value(s) in the catalogue, first: row " + errors.get(0).row() + " "
                + errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
