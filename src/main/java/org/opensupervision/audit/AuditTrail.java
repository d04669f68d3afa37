package org.opensupervision.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The append-only, hash-chained audit trail of every case. Entries are written in the caller's transaction: they are
 * collected while the transaction runs and written just before it commits, under a lock on the case's chain head, so
 * a step that rolls back leaves no entry and two transactions appending to the same case cannot fork its chain.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final String COLUMNS = "seq, case_key, occurred_at, retain_until, kind, source, actor, "
            + "process_instance_id, element, detail, reason, prev_hash, hash";

    private final JdbcTemplate jdbc;
    private final AuditProperties properties;
    private final AuditChain chain;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final boolean postgres;
    private final ObjectProvider<EntityManagerFactory> entityManagers;

    AuditTrail(DataSource dataSource, AuditProperties properties, Clock clock,
               ObjectProvider<EntityManagerFactory> entityManagers) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.entityManagers = entityManagers;
        this.properties = properties;
        this.chain = new AuditChain(properties.chainKey());
        this.clock = clock;
        this.postgres = isPostgres(dataSource);
    }

    /**
     * Appends an entry to the case's chain, in the caller's transaction: it is stored if and only if that transaction
     * commits. Fails when there is no transaction.
     */
    public void append(AuditRecord record) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Audit entries are written in the transaction of the step they record");
        }
        pending().add(new Pending(record, clock.instant().truncatedTo(ChronoUnit.MICROS), toJson(record.detail())));
    }

    /** The case's entries, oldest first. */
    public List<AuditEntry> entriesOf(String caseKey) {
        return jdbc.query("select " + COLUMNS + " from audit_entry where case_key = ? order by seq",
                AuditTrail::entry, caseKey);
    }

    /** Checks the case's chain link by link and names the first broken one. */
    public ChainVerification verify(String caseKey) {
        List<AuditEntry> entries = entriesOf(caseKey);
        String previous = AuditChain.GENESIS;
        long expected = 1;
        for (AuditEntry entry : entries) {
            if (entry.sequence() != expected) {
                return ChainVerification.broken(caseKey, entries.size(), expected, "SEQUENCE_GAP");
            }
            if (!entry.previousHash().equals(previous)) {
                return ChainVerification.broken(caseKey, entries.size(), entry.sequence(), "PREVIOUS_HASH_MISMATCH");
            }
            if (!chain.hash(entry).equals(entry.hash())) {
                return ChainVerification.broken(caseKey, entries.size(), entry.sequence(), "HASH_MISMATCH");
            }
            previous = entry.hash();
            expected++;
        }
        Optional<Head> head = head(caseKey);
        long headSequence = head.map(Head::sequence).orElse(0L);
        if (headSequence != expected - 1 || !head.map(Head::hash).orElse(AuditChain.GENESIS).equals(previous)) {
            // Entries removed from (or added to) the end of the chain: the head remembers where it ended.
            return ChainVerification.broken(caseKey, entries.size(), Math.min(headSequence, expected - 1) + 1,
                    "HEAD_MISMATCH");
        }
        return ChainVerification.ok(caseKey, entries.size());
    }

    /** Checks every case's chain. */
    public List<ChainVerification> verifyAll() {
        return jdbc.queryForList("select case_key from audit_chain_head union select case_key from audit_entry "
                + "order by 1", String.class).stream().map(this::verify).toList();
    }

    private List<Pending> pending() {
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Pending> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
                }
            });
            pending = created;
        }
        return pending;
    }

    private void write(List<Pending> pending) {
        flushApplicationChanges();
        // One lock per case, taken in a fixed order, so two transactions touching the same cases cannot deadlock.
        Map<String, List<Pending>> byCase = new java.util.TreeMap<>();
        for (Pending p : pending) {
            byCase.computeIfAbsent(p.record().caseKey(), k -> new ArrayList<>()).add(p);
        }
        pending.clear();
        byCase.forEach(this::writeChain);
    }

    /**
     * Writes the transaction's pending JPA changes first, so that the chain head is the last row lock the transaction
     * takes: two transactions on the same case then wait for each other in one order and cannot deadlock.
     */
    private void flushApplicationChanges() {
        EntityManagerFactory factory = entityManagers.getIfAvailable();
        if (factory == null) {
            return;
        }
        EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
        if (entityManager != null) {
            entityManager.flush();
        }
    }

    private void writeChain(String caseKey, List<Pending> entries) {
        Head head = lockHead(caseKey);
        long sequence = head.sequence();
        String previous = head.hash();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Pending p : entries) {
            sequence++;
            AuditRecord r = p.record();
            Instant retainUntil = p.occurredAt().atOffset(ZoneOffset.UTC).plus(properties.retention()).toInstant();
            String hash = chain.hash(sequence, caseKey, p.occurredAt(), retainUntil, r.kind(), r.source().name(),
                    r.actor(), r.processInstanceId(), r.element(), p.detail(), r.reason(), previous);
            rows.add(new Object[] {sequence, caseKey, utc(p.occurredAt()), utc(retainUntil), r.kind(),
                    r.source().name(), r.actor(), r.processInstanceId(), r.element(), p.detail(), r.reason(), previous,
                    hash});
            previous = hash;
        }
        jdbc.batchUpdate("insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where case_key = ?", sequence, previous,
                caseKey);
    }

    private Head lockHead(String caseKey) {
        if (postgres) {
            jdbc.update("insert into audit_chain_head (case_key, last_seq, last_hash) values (?, 0, ?) "
                    + "on conflict do nothing", caseKey, AuditChain.GENESIS);
        } else {
            try {
                jdbc.update("insert into audit_chain_head (case_key, last_seq, last_hash) select ?, 0, ? "
                        + "where not exists (select 1 from audit_chain_head where case_key = ?)", caseKey,
                        AuditChain.GENESIS, caseKey);
            } catch (DuplicateKeyException raced) {
                log.debug("Chain head of {} created concurrently", caseKey);
            }
        }
        return jdbc.queryForObject("select last_seq, last_hash from audit_chain_head where case_key = ? for update",
                (rs, i) -> new Head(rs.getLong(1), rs.getString(2)), caseKey);
    }

    private Optional<Head> head(String caseKey) {
        return jdbc.query("select last_seq, last_hash from audit_chain_head where case_key = ?",
                (rs, i) -> new Head(rs.getLong(1), rs.getString(2)), caseKey).stream().findFirst();
    }

    private String toJson(Map<String, ?> detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(new LinkedHashMap<>(detail));
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("Audit detail is not serialisable", ex);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getString("case_key"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("retain_until", OffsetDateTime.class).toInstant(), rs.getString("kind"),
                AuditSource.valueOf(rs.getString("source")), rs.getString("actor"),
                rs.getString("process_instance_id"), rs.getString("element"), rs.getString("detail"),
                rs.getString("reason"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource,
                    java.sql.DatabaseMetaData::getDatabaseProductName);
            return product != null && product.toLowerCase().contains("postgres");
        } catch (org.springframework.jdbc.support.MetaDataAccessException ex) {
            throw new IllegalStateException("Cannot tell the database product", ex);
        }
    }

    private record Pending(AuditRecord record, Instant occurredAt, String detail) {
    }

    private record Head(long sequence, String hash) {
    }
}
