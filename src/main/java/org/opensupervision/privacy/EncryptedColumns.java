package org.opensupervision.privacy;

import java.util.List;

/**
 * Columns of one table that hold {@link EncryptedContact} values. The module owning the table declares it as a bean,
 * so {@link ContactReEncryption} finds every encrypted column without knowing the other modules.
 *
 * @param table    the table
 * @param idColumn its numeric primary key
 * @param columns  the encrypted columns
 */
public record EncryptedColumns(String table, String idColumn, List<String> columns) {

    public EncryptedColumns {
        columns = List.copyOf(columns);
        for (String name : columns) {
            requireIdentifier(name);
        }
        requireIdentifier(table);
        requireIdentifier(idColumn);
    }

    private static void requireIdentifier(String name) {
        // The names are spliced into SQL: allow nothing but plain identifiers.
        if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
    }
}
