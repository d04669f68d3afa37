package org.opensupervision.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/** Small JDBC helpers; every call opens its own short connection unless given one. */
final class Db {

    private Db() {
    }

    static Connection connect(String jdbcUrl) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl);
        connection.setAutoCommit(true);
        return connection;
    }

    /** The first column of the first row as a long, binding {@link #NOW} placeholders to the current time. */
    static long scalar(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    /** Marker for "the current time", bound as a JVM-local timestamp the way Camunda's own queries bind it. */
    static final Object NOW = new Object();

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i] == NOW ? new Timestamp(System.currentTimeMillis()) : params[i];
            statement.setObject(i + 1, p);
        }
    }
}
