package org.opensupervision.audit.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL triggers on the audit trail ({@code db/migration-h2}): {@code audit_entry} refuses
 * UPDATE, and DELETE of an entry still inside its retention period; {@code audit_chain_head} moves only forward, to an
 * entry that was written, and goes only with the last entry of its case. H2 runs triggers as Java classes, hence a
 * public class with a public constructor; it fires none on TRUNCATE, which an empty guard table referencing both
 * tables refuses instead.
 */
public class AuditTrailGuard implements Trigger {

    static final String GENESIS = "0".repeat(64);

    private String table;
    private final Map<String, Integer> columns = new HashMap<>();

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        this.table = table.toLowerCase(Locale.ROOT);
        try (ResultSet rs = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("ORDINAL_POSITION") - 1);
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if ("audit_entry".equals(table)) {
            guardEntry(oldRow, newRow);
        } else {
            guardHead(connection, oldRow, newRow);
        }
    }

    private void guardEntry(Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow == null) {
            return;
        }
        if (newRow == null && instant(oldRow[columns.get("retain_until")]).isBefore(Instant.now())) {
            return;
        }
        throw refused("audit_entry is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }

    private void guardHead(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        int caseKey = columns.get("case_key");
        int lastSeq = columns.get("last_seq");
        int lastHash = columns.get("last_hash");
        if (oldRow == null) {
            if (((Number) newRow[lastSeq]).longValue() != 0 || !GENESIS.equals(newRow[lastHash])) {
                throw refused("audit_chain_head moves only forward: INSERT refused");
            }
            return;
        }
        if (newRow == null) {
            if (entryExists(connection, "select 1 from audit_entry where case_key = ?", oldRow[caseKey])) {
                throw refused("audit_chain_head moves only forward: DELETE refused");
            }
            return;
        }
        boolean unchanged = oldRow[caseKey].equals(newRow[caseKey]) && oldRow[lastSeq].equals(newRow[lastSeq])
                && oldRow[lastHash].equals(newRow[lastHash]);
        boolean forward = oldRow[caseKey].equals(newRow[caseKey])
                && ((Number) newRow[lastSeq]).longValue() > ((Number) oldRow[lastSeq]).longValue()
                && entryExists(connection, "select 1 from audit_entry where case_key = ? and seq = ? and hash = ?",
                        newRow[caseKey], newRow[lastSeq], hexBytes((String) newRow[lastHash]));
        if (!unchanged && !forward) {
            throw refused("audit_chain_head moves only forward: UPDATE refused");
        }
    }

    /**
     * An entry's hash as stored (its 32 bytes) from the hex text the chain head holds; also the function of the H2
     * migration that turned the stored hashes into bytes (V12_1). Text that is no hex matches no entry.
     */
    public static byte[] hexBytes(String hex) {
        if (hex == null) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return new byte[0];
        }
    }

    private static boolean entryExists(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Unexpected retain_until value " + value);
    }

    /** SQL state 42501 (insufficient privilege), as PostgreSQL's triggers raise it. */
    private static SQLException refused(String message) {
        return new SQLException(message, "42501");
    }
}
