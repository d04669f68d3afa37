package org.opensupervision.reliability;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL database of its own for one reliability scenario, dropped and created afresh: its name is the suite's
 * PostgreSQL database ({@code -Dpostgres.url}) with a suffix, e.g. {@code supervision_test_crash}, on the same server.
 * The test reads the application's tables with plain SQL: it is the second process, it sees what is on disk.
 */
public final class ReliabilityDatabase {

    private final String host;
    private final int port;
    private final String name;

    private ReliabilityDatabase(String host, int port, String name) {
        this.host = host;
        this.port = port;
        this.name = name;
    }

    /** A fresh, empty database named after the suite's PostgreSQL database and {@code suffix}. */
    public static ReliabilityDatabase fresh(String suffix) {
        String url = System.getProperty("reliability.postgres.url",
                "jdbc:postgresql://127.0.0.1:5432/supervision_test");
        URI uri = URI.create(url.substring("jdbc:".length()));
        String base = uri.getPath().substring(1);
        ReliabilityDatabase database = new ReliabilityDatabase(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                base + "_" + suffix);
        if (!database.name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("Unexpected database name: " + database.name);
        }
        try (Connection admin = DriverManager.getConnection(database.url("postgres"), "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database.name + " with (force)");
            statement.execute("create database " + database.name);
        } catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + database.url("postgres")
                    + "; the reliability tests need it (skip them with -DskipITs)", ex);
        }
        return database;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** The JDBC URL of this database, directly (not through a proxy). */
    public String url() {
        return url(name);
    }

    /** The JDBC URL of this database through a proxy on loopback. */
    String urlThrough(TcpProxy proxy) {
        return "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name;
    }

    /** The properties that put the application on this database (the {@code postgres} profile). */
    public Map<String, String> applicationProperties(String jdbcUrl) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "postgres");
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        return properties;
    }

    /** Every row of a query, each as column → value (column labels in lower case). */
    List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url(), "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(result.getMetaData().getColumnLabel(c).toLowerCase(), result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(sql, ex);
        }
    }

    /** The single number a query answers. */
    public long count(String sql, Object... parameters) {
        Object value = rows(sql, parameters).get(0).values().iterator().next();
        return ((Number) value).longValue();
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
