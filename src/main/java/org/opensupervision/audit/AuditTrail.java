package org.opensupervision.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.opensupervision.secrets.HmacKey;
import org.opensupervision.secrets.KeyedDigests;
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
            + "process_instance_id, element, detail, reason, hash";
    /** The hash is stored as its 32 bytes and linked, chained and shown as hex text (V12_1). */
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final AuditProperties properties;
    private final AuditChain chain;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final boolean postgres;
    private final ObjectProvider<EntityManagerFactory> entityManagers;

    AuditTrail(DataSource dataSource, AuditProperties properties, KeyedDigests digests, Clock clock,
               ObjectProvider<EntityManagerFactory> entityManagers) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.entityManagers = entityManagers;
        this.properties = properties;
        this.chain = new AuditChain(digests.of(HmacKey.AUDIT_CHAIN));
        this.clock = clock;
        this.postgres = isPostgres(dataSource);
    }

    /**
     * Appends an entry to the case's chain, in the caller's transaction: it is stored if and only if that transaction
     * commits. Fails when there is no transaction.
     */
    public void append(AuditRecord record) {
        pending().add(new Draft(record, now()));
    }

    /**
     * The entry filed under {@code key} in the current transaction, created from {@code record} if there is none yet:
     * the engine handler folds the facts of one step (the variables written, a task and its candidates) into one
     * entry this way. The draft can be amended until the transaction writes it.
     */
    Draft draft(String key, Supplier<AuditRecord> record) {
        Pending pending = pending();
        return pending.byKey.computeIfAbsent(key, k -> pending.add(new Draft(record.get(), now())));
    }

    /** The entry filed under {@code key} in the current transaction, if any. */
    Optional<Draft> draft(String key) {
        return Optional.ofNullable(pending().byKey.get(key));
    }

    /** Files a draft of this transaction under one more key, for a later event that folds into it. */
    void alsoFile(String key, Draft draft) {
        pending().byKey.putIfAbsent(key, draft);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The case's entries, oldest first. */
    public List<AuditEntry> entriesOf(String caseKey) {
        String[] previous = {AuditChain.GENESIS};
        // The previous hash is not stored: it is the hash of the entry before, and the chain's HMAC covers it.
        return jdbc.query("select " + COLUMNS + " from audit_entry where case_key = ? order by seq",
                (rs, row) -> {
                    AuditEntry entry = entry(rs, previous[0]);
                    previous[0] = entry.hash();
                    return entry;
                }, caseKey);
    }

    /**
     * Checks the case's chain link by link and names the first broken one. A live case may get entries while it is
     * read: the entries are taken between two reads of the chain head, and read again when the head moved, so an
     * append in between is not mistaken for tampering.
     */
    public ChainVerification verify(String caseKey) {
        for (int attempt = 1; ; attempt++) {
            Optional<Head> before = head(caseKey);
            List<AuditEntry> entries = entriesOf(caseKey);
            Optional<Head> after = head(caseKey);
            if (before.equals(after) || attempt == 5) {
                return verify(caseKey, entries, after);
            }
        }
    }

    private ChainVerification verify(String caseKey, List<AuditEntry> entries, Optional<Head> head) {
        String previous = AuditChain.GENESIS;
        long expected = 1;
        for (AuditEntry entry : entries) {
            if (entry.sequence() != expected) {
                return ChainVerification.broken(caseKey, entries.size(), expected, "SEQUENCE_GAP");
            }
            if (!chain.hash(entry.withPreviousHash(previous)).equals(entry.hash())) {
                return ChainVerification.broken(caseKey, entries.size(), entry.sequence(), "HASH_MISMATCH");
            }
            previous = entry.hash();
            expected++;
        }
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

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Audit entries are written in the transaction of the step they record");
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending created = new Pending();
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

    private void write(Pending pending) {
        if (pending.drafts.isEmpty()) {
            return;
        }
        flushApplicationChanges();
        // One lock per case, taken in a fixed order, so two transactions touching the same cases cannot deadlock.
        Map<String, List<Draft>> byCase = new java.util.TreeMap<>();
        for (Draft d : pending.drafts) {
            byCase.computeIfAbsent(d.caseKey, k -> new ArrayList<>()).add(d);
        }
        pending.drafts.clear();
        pending.byKey.clear();
        // The entries and heads of every case as two JDBC batches (the intake's starter routes many cases in one
        // transaction, issue 17): the locks are taken first, in that order, and held until the commit.
        List<Object[]> entries = new ArrayList<>();
        List<Object[]> heads = new ArrayList<>(byCase.size());
        byCase.forEach((caseKey, drafts) -> chain(caseKey, drafts, entries, heads));
        jdbc.batchUpdate("insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries);
        jdbc.batchUpdate("update audit_chain_head set last_seq = ?, last_hash = ? where case_key = ?", heads);
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

    /** Locks the case's chain head and links its new entries to it: rows for the entry and head batches. */
    private void chain(String caseKey, List<Draft> drafts, List<Object[]> entries, List<Object[]> heads) {
        Head head = lockHead(caseKey);
        long sequence = head.sequence();
        String previous = head.hash();
        for (Draft d : drafts) {
            sequence++;
            String detail = toJson(d.detail);
            Instant retainUntil = d.occurredAt.atOffset(ZoneOffset.UTC).plus(properties.retention()).toInstant();
            String hash = chain.hash(sequence, caseKey, d.occurredAt, retainUntil, d.kind, d.source.name(), d.actor,
                    d.processInstanceId, d.element, detail, d.reason, previous);
            entries.add(new Object[] {sequence, caseKey, utc(d.occurredAt), utc(retainUntil), d.kind, d.source.name(),
                    d.actor, d.processInstanceId, d.element, detail, d.reason, HEX.parseHex(hash)});
            previous = hash;
        }
        heads.add(new Object[] {sequence, previous, caseKey});
    }

    /**
     * Locks the case's chain head, creating it first for a new case. On PostgreSQL one statement does both: the
     * upsert takes the row lock whether the head existed or not, and returns where the chain ends.
     */
    private Head lockHead(String caseKey) {
        if (postgres) {
            return jdbc.queryForObject("insert into audit_chain_head (case_key, last_seq, last_hash) values (?, 0, ?) "
                    + "on conflict (case_key) do update set last_seq = audit_chain_head.last_seq "
                    + "returning last_seq, last_hash", (rs, i) -> new Head(rs.getLong(1), rs.getString(2)), caseKey,
                    AuditChain.GENESIS);
        }
        try {
            jdbc.update("insert into audit_chain_head (case_key, last_seq, last_hash) select ?, 0, ? "
                    + "where not exists (select 1 from audit_chain_head where case_key = ?)", caseKey,
                    AuditChain.GENESIS, caseKey);
        } catch (DuplicateKeyException raced) {
            log.debug("Chain head of {} created concurrently", caseKey);
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
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("Audit detail is not serialisable", ex);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static AuditEntry entry(ResultSet rs, String previousHash) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getString("case_key"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("retain_until", OffsetDateTime.class).toInstant(), rs.getString("kind"),
                AuditSource.valueOf(rs.getString("source")), rs.getString("actor"),
                rs.getString("process_instance_id"), rs.getString("element"), rs.getString("detail"),
                rs.getString("reason"), previousHash, HEX.formatHex(rs.getBytes("hash")));
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

    /** The entries a transaction appended, in order, and those of them filed under a key for folding. */
    private static final class Pending {
        final List<Draft> drafts = new ArrayList<>();
        final Map<String, Draft> byKey = new java.util.HashMap<>();

        Draft add(Draft draft) {
            drafts.add(draft);
            return draft;
        }
    }

    /** An entry not yet written: its kind and detail may still be amended within the transaction. */
    static final class Draft {
        final String caseKey;
        final Instant occurredAt;
        final AuditSource source;
        final String actor;
        final String processInstanceId;
        final String reason;
        String kind;
        String element;
        final Map<String, Object> detail;

        Draft(AuditRecord r, Instant occurredAt) {
            this.caseKey = r.caseKey();
            this.occurredAt = occurredAt;
            this.source = r.source();
            this.actor = r.actor();
            this.processInstanceId = r.processInstanceId();
            this.reason = r.reason();
            this.kind = r.kind();
            this.element = r.element();
            this.detail = r.detail() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(r.detail());
        }
    }

    private record Head(long sequence, String hash) {
    }
}
