package org.opensupervision;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * For the PostgreSQL run of the suite ({@code spring.profiles.active} contains {@code postgres}): drops and creates the
 * test database once per JVM, so every run starts empty. Fails loudly, never skips, when PostgreSQL is not there.
 */
final class PostgresTestDatabase {

    private static boolean prepared;

    private PostgresTestDatabase() {
    }

    static synchronized void recreateIfActive() {
        String profiles = System.getProperty("spring.profiles.active", "");
        if (prepared || !profiles.contains("postgres")) {
            return;
        }
        String url = System.getProperty("spring.datasource.url");
        if (url == null) {
            throw new IllegalStateException("The postgres test run needs -Dspring.datasource.url");
        }
        int slash = url.lastIndexOf('/');
        String database = url.substring(slash + 1).replaceAll("\\?.*", "");
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("Unexpected test database name: " + database);
        }
        String adminUrl = url.substring(0, slash + 1) + "postgres";
        String user = System.getProperty("spring.datasource.username", "postgres");
        try (Connection connection = DriverManager.getConnection(adminUrl, user,
                System.getProperty("spring.datasource.password", ""));
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + adminUrl + " as " + user + " ("
                    + ex.getMessage() + "). Start it with: pg_ctlcluster --skip-systemctl-redirect "
                    + "$(ls /etc/postgresql) main start, or skip the PostgreSQL run explicitly with "
                    + "-Dpostgres.skip=true", ex);
        }
        prepared = true;
    }
}
