package org.opensupervision.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensupervision.SupervisionApplication;
import org.opensupervision.secrets.HmacKey;
import org.opensupervision.secrets.KeyedDigests;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The README's command-line audit check, run the way the README runs it: the application's main class in a JVM of its
 * own, with exactly the README's arguments, in a directory whose {@code ./data} holds the embedded default's H2 file
 * database, and the production secrets in the environment (no profile: the production rules apply). Exit code 0 when
 * every chain is intact, 2 when someone with the database's superuser rights rewrote an entry or rolled the end of a
 * chain back (caught by the daily anchor of the chain ends, in a directory of its own).
 */
class AuditCommandLineProcessTest {

    static final List<String> README_ARGUMENTS = List.of("--spring.main.web-application-type=none",
            "--camunda.bpm.job-execution.enabled=false", "--audit-verify=all");

    static final String CHAIN_KEY = "process-test-chain-key-of-at-least-32-bytes";

    /**
     * A start takes 15-45 s on 2 cores shared with other builds, and minutes when they are overloaded (load 30): the
     * limit only catches a check that hangs.
     */
    static final int WAIT_SECONDS = 600;

    /** What an operator sets for a production start (docs/security.md, "Secrets"). */
    static final Map<String, String> PRODUCTION_SECRETS = Map.of(
            "SUPERVISION_AUDIT_CHAIN_KEY", CHAIN_KEY,
            "SUPERVISION_RATING_LINK_SECRET", "process-test-rating-link-secret-32-bytes",
            "SUPERVISION_ACCESS_CODE_SECRET", "process-test-access-code-secret-32-bytes",
            "SUPERVISION_PRIVACY_KEYS_K1", "cHJvY2Vzcy10ZXN0LWtleS0zMi1ieXRlcy1leGFjdCE=",
            "SUPERVISION_PRIVACY_ACTIVE_KEY", "k1");

    @TempDir
    Path workspace;

    @Test
    void theReadmeCommandExitsWith0WhenEveryChainIsIntactAnd2AfterASuperuserRewroteAnEntry() throws Exception {
        assumeThat(System.getProperty("spring.profiles.active", "")).as("an H2 check; runs in the H2 run only")
                .doesNotContain("postgres");
        Path intactDir = Files.createDirectories(workspace.resolve("intact"));
        DataSource intactDb = database(intactDir);
        migrate(intactDb);
        AuditTrail trail = trail(intactDb);
        appendEntries(intactDb, trail, "TS20260302-AAAAAA", 3);
        appendEntries(intactDb, trail, "TS20260302-BBBBBB", 2);
        String secondOfA = trail.entriesOf("TS20260302-AAAAAA").get(1).hash();
        Path anchorDirectory = workspace.resolve("anchors");
        new AuditAnchors(new JdbcTemplate(intactDb), Clock.systemUTC(), digests(), anchorDirectory.toString())
                .write(anchorDirectory);

        // The same database, then tampered with by a superuser who drops the triggers: an actor rewritten in one
        // chain, the last entry of the other deleted and its head set back (a shorter chain that verifies alone).
        Path tamperedDir = Files.createDirectories(workspace.resolve("tampered/data"));
        try (var files = Files.list(intactDir.resolve("data"))) {
            for (Path file : files.toList()) {
                Files.copy(file, tamperedDir.resolve(file.getFileName()));
            }
        }
        JdbcTemplate tampered = new JdbcTemplate(database(tamperedDir.getParent()));
        tampered.execute("drop trigger audit_entry_append_only");
        tampered.execute("drop trigger audit_chain_head_forward_only");
        tampered.update("update audit_entry set actor = 'someone-else' where case_key = 'TS20260302-BBBBBB' "
                + "and seq = 2");
        tampered.update("delete from audit_entry where case_key = 'TS20260302-AAAAAA' and seq = 3");
        tampered.update("update audit_chain_head set last_seq = 2, last_hash = ? where case_key = 'TS20260302-AAAAAA'",
                secondOfA);
        Map<String, String> settings = new java.util.HashMap<>(PRODUCTION_SECRETS);
        settings.put("SUPERVISION_AUDIT_ANCHOR_DIRECTORY", anchorDirectory.toString());

        // Both checks at once: each JVM starts the whole application (engine included), so this halves the wait.
        CompletableFuture<Run> intact = CompletableFuture.supplyAsync(() -> run(intactDir, settings));
        CompletableFuture<Run> broken = CompletableFuture.supplyAsync(() -> run(tamperedDir.getParent(), settings));

        assertThat(intact.get(WAIT_SECONDS + 30, TimeUnit.SECONDS)).satisfies(run -> {
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("TS20260302-AAAAAA OK (3 entries)", "TS20260302-BBBBBB OK (2 entries)",
                    "2 chain end(s) checked, 0 rolled back", "2 case(s) verified, 0 broken");
        });
        assertThat(broken.get(WAIT_SECONDS + 30, TimeUnit.SECONDS)).satisfies(run -> {
            assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
            assertThat(run.output()).contains("TS20260302-AAAAAA BROKEN at #3: ANCHOR_MISMATCH",
                    "TS20260302-BBBBBB BROKEN at #2: HASH_MISMATCH", "2 case(s) verified, 2 broken");
        });
    }

    @Test
    void withoutTheProductionSecretsTheReadmeCommandRefusesToStartAndSaysWhatToSet() {
        Run refused = run(workspace, Map.of());

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("APPLICATION FAILED TO START",
                "supervision.audit.chain-key (SUPERVISION_AUDIT_CHAIN_KEY): the public default of this repository",
                "export SUPERVISION_AUDIT_CHAIN_KEY=$(openssl rand -base64 48)").doesNotContain("case(s) verified");
    }

    /** The embedded default's database as the application finds it at {@code ./data/supervision}. */
    static DataSource database(Path workingDirectory) {
        return new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:file:" + workingDirectory.resolve("data/supervision").toAbsolutePath(), "sa", "");
    }

    static void migrate(DataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/migration-h2").load()
                .migrate();
    }

    static AuditProperties properties() {
        return new AuditProperties(Period.ofYears(10), Set.of(), Set.of(), "P180D", "01:00+0800", "05:00+0800",
                null);
    }

    static KeyedDigests digests() {
        return KeyedDigests.withSecrets(Map.of(HmacKey.AUDIT_CHAIN, CHAIN_KEY));
    }

    static AuditTrail trail(DataSource db) {
        return new AuditTrail(db, properties(), digests(), Clock.systemUTC(),
                new DefaultListableBeanFactory().getBeanProvider(EntityManagerFactory.class));
    }

    /** Entries written the way the application writes them: in a transaction, by {@link AuditTrail}. */
    static void appendEntries(DataSource db, AuditTrail trail, String caseKey, int count) {
        new TransactionTemplate(new DataSourceTransactionManager(db)).executeWithoutResult(tx -> {
            for (int i = 0; i < count; i++) {
                trail.append(AuditRecord.staffAction(caseKey, "TEST_ACTION", "supervisor", i, i + 1, "step " + i));
            }
        });
    }

    /** {@code java -cp <the test's class path> org.opensupervision.SupervisionApplication <README arguments>}. */
    static Run run(Path workingDirectory, Map<String, String> secrets) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m", "-cp", classPath(),
                SupervisionApplication.class.getName()));
        command.addAll(README_ARGUMENTS);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(workingDirectory.resolve("output.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("SUPERVISION_"));
        builder.environment().putAll(secrets);
        try {
            Process process = builder.start();
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The audit check did not end within " + WAIT_SECONDS + " s");
            }
            return new Run(process.exitValue(),
                    Files.readString(workingDirectory.resolve("output.txt"), StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Surefire puts the class path into a manifest-only jar and names the real one in this property. */
    static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    record Run(int exitCode, String output) {
    }
}
