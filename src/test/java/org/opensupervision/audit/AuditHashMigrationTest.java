package org.opensupervision.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.secrets.HmacKey;
import org.opensupervision.secrets.KeyedDigests;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V12_1 stores an entry's hash as its 32 bytes instead of 64 hex characters: a chain written before the migration
 * (as the trail wrote it then, hex text) still verifies after it, continues with entries written after it, and
 * tampering with an entry from before it is still found. On H2, and on PostgreSQL in the build's PostgreSQL run (a
 * database of its own, next to the suite's), each with its own migrations.
 */
@Tag(IntegrationTest.DATABASE)
class AuditHashMigrationTest {

    private static final String KEY = "audit-hash-migration-test-key-0123456789";

    private final boolean postgres = System.getProperty("spring.profiles.active", "").contains("postgres");
    private final AuditChain chain = new AuditChain(KeyedDigests.digest(HmacKey.AUDIT_CHAIN, KEY));
    private final AuditProperties properties = new AuditProperties(Period.ofYears(10), Set.of(), Set.of(), "P180D",
            "01:00+0800", "05:00+0800", null);
    private DriverManagerDataSource dataSource;
    private String postgresDatabase;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        if (postgres) {
            String url = System.getProperty("spring.datasource.url");
            postgresDatabase = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + "_hash_migration";
            admin("drop database if exists " + postgresDatabase + " with (force)", "create database " + postgresDatabase);
            dataSource = new DriverManagerDataSource(url.substring(0, url.lastIndexOf('/') + 1) + postgresDatabase,
                    System.getProperty("spring.datasource.username", "postgres"),
                    System.getProperty("spring.datasource.password", ""));
        } else {
            dataSource = new DriverManagerDataSource("jdbc:h2:mem:hash-migration-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (postgres) {
            admin("drop database if exists " + postgresDatabase + " with (force)");
        } else {
            new JdbcTemplate(dataSource).execute("shutdown");
        }
    }

    @Test
    void aChainWrittenAsHexBeforeTheMigrationVerifiesAfterItAndStillShowsTampering() {
        migrate("11.4");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String caseKey = "TS20260101-HEX" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String lastHash = writeAsBeforeTheMigration(jdbc, caseKey, 3);
        assertThat(jdbc.queryForObject("select hash from audit_entry where case_key = ? and seq = 3", String.class,
                caseKey)).isEqualTo(lastHash).hasSize(64);

        migrate(null);

        AuditTrail trail = new AuditTrail(dataSource, properties, KeyedDigests.withSecrets(
                Map.of(HmacKey.AUDIT_CHAIN, KEY)), Clock.systemUTC(),
                new StaticListableBeanFactory().getBeanProvider(EntityManagerFactory.class));
        assertThat(jdbc.queryForObject("select hash from audit_entry where case_key = ? and seq = 3", byte[].class,
                caseKey)).hasSize(32);
        assertThat(trail.entriesOf(caseKey).get(2).hash()).isEqualTo(lastHash);
        assertThat(trail.verify(caseKey)).isEqualTo(ChainVerification.ok(caseKey, 3));

        // The chain goes on from the hash written as text: the first entry after the migration links to it.
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(tx -> {
            trail.append(AuditRecord.staffAction(caseKey, "TEST_ACTION", "supervisor", 3, 4, "after V12_1"));
            trail.append(AuditRecord.staffAction(caseKey, "TEST_ACTION", "supervisor", 4, 5, "after V12_1"));
        });
        assertThat(trail.entriesOf(caseKey).get(3).previousHash()).isEqualTo(lastHash);
        assertThat(trail.verify(caseKey)).isEqualTo(ChainVerification.ok(caseKey, 5));

        bypassingTheTriggers(jdbc, "update audit_entry set reason = 'nothing happened' where case_key = '" + caseKey
                + "' and seq = 2");
        assertThat(trail.verify(caseKey)).isEqualTo(ChainVerification.broken(caseKey, 5, 2, "HASH_MISMATCH"));
    }

    /** Entries and head as AuditTrail wrote them before V12_1 (hex hash); returns the last hash. */
    private String writeAsBeforeTheMigration(JdbcTemplate jdbc, String caseKey, int count) {
        jdbc.update("insert into audit_chain_head (case_key, last_seq, last_hash) values (?, 0, ?)", caseKey,
                AuditChain.GENESIS);
        String previous = AuditChain.GENESIS;
        Instant at = Instant.parse("2026-01-01T02:00:00Z");
        for (int seq = 1; seq <= count; seq++) {
            Instant occurredAt = at.plusSeconds(seq);
            Instant retainUntil = occurredAt.atOffset(ZoneOffset.UTC).plusYears(10).toInstant();
            String detail = "{\"before\":" + (seq - 1) + ",\"after\":" + seq + "}";
            String hash = chain.hash(seq, caseKey, occurredAt, retainUntil, "TEST_ACTION", "STAFF", "supervisor", null,
                    null, detail, "before V12_1", previous);
            jdbc.update("insert into audit_entry (seq, case_key, occurred_at, retain_until, kind, source, actor, "
                    + "process_instance_id, element, detail, reason, hash) "
                    + "values (?, ?, ?, ?, 'TEST_ACTION', 'STAFF', 'supervisor', null, null, ?, 'before V12_1', ?)",
                    seq, caseKey, occurredAt.atOffset(ZoneOffset.UTC), retainUntil.atOffset(ZoneOffset.UTC), detail,
                    hash);
            previous = hash;
        }
        String moveHead = "update audit_chain_head set last_seq = ?, last_hash = ? where case_key = ?";
        if (postgres) {
            jdbc.update(moveHead, count, previous, caseKey);
        } else {
            // H2's guard is today's class, which compares the head with the bytes V12_1 stores: off for this step.
            jdbc.execute("drop trigger audit_chain_head_forward_only");
            jdbc.update(moveHead, count, previous, caseKey);
            jdbc.execute("create trigger audit_chain_head_forward_only before insert, update, delete on "
                    + "audit_chain_head for each row call 'org.opensupervision.audit.h2.AuditTrailGuard'");
        }
        return previous;
    }

    private void bypassingTheTriggers(JdbcTemplate jdbc, String sql) {
        if (postgres) {
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(tx -> {
                jdbc.execute("set local session_replication_role = replica");
                jdbc.execute(sql);
            });
        } else {
            jdbc.execute("drop trigger audit_entry_append_only");
            jdbc.execute(sql);
        }
    }

    private void migrate(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration",
                postgres ? "classpath:db/migration-postgres" : "classpath:db/migration-h2");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private static void admin(String... statements) throws SQLException {
        String url = System.getProperty("spring.datasource.url");
        try (Connection connection = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1)
                + "postgres", System.getProperty("spring.datasource.username", "postgres"),
                System.getProperty("spring.datasource.password", ""));
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
