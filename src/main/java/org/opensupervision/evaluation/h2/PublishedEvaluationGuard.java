package org.opensupervision.evaluation.h2;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.h2.api.Trigger;

/**
 * H2's counterpart of the PostgreSQL trigger of {@code db/migration-postgres/V9_4_1}: a published evaluation result
 * ({@code evaluation_run.status = 'PUBLISHED'}) and a correction are never updated; a draft may be replaced. H2 runs
 * triggers as Java classes, hence a public class with a public constructor.
 */
public class PublishedEvaluationGuard implements Trigger {

    private int status = -1;
    private boolean corrections;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        corrections = "evaluation_correction".equals(table.toLowerCase(Locale.ROOT));
        try (ResultSet rs = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (rs.next()) {
                if ("status".equals(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT))) {
                    status = rs.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow == null || newRow == null) {
            return;
        }
        if (corrections || "PUBLISHED".equals(oldRow[status])) {
            throw new SQLException(corrections ? "evaluation_correction is append-only: UPDATE refused"
                    : "a published evaluation result never changes: UPDATE refused", "23514");
        }
    }
}
