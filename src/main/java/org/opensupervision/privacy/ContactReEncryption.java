package org.opensupervision.privacy;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves every stored contact value to the active key (and encrypts values stored in plain text before encryption
 * existed), table by table, in batches of {@code supervision.privacy.re-encryption-batch-size} rows, one transaction
 * per batch, logging its progress. Safe to run while the application works and to run again: a value is replaced only
 * if it is still the one read, and values already under the active key are left alone.
 */
@Service
public class ContactReEncryption {

    private static final Logger log = LoggerFactory.getLogger(ContactReEncryption.class);

    private final List<EncryptedColumns> tables;
    private final ContactCipher cipher;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final int batchSize;

    ContactReEncryption(List<EncryptedColumns> tables, ContactCipher cipher, DataSource dataSource,
                        TransactionTemplate transaction, PrivacyProperties properties) {
        this.tables = tables;
        this.cipher = cipher;
        this.transaction = transaction;
        this.batchSize = properties.reEncryptionBatchSize();
        // A template of its own: its row limit is one batch.
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setMaxRows(batchSize);
    }

    /** What a run did. */
    public record Result(String activeKey, long rowsScanned, long valuesReEncrypted) {
    }

    /** Re-encrypts every value that is not under the active key yet. */
    public Result run() {
        log.info("Re-encryption of contact data to key {} started ({} table(s), batches of {})",
                cipher.activeKeyId(), tables.size(), batchSize);
        long scanned = 0;
        long changed = 0;
        for (EncryptedColumns table : tables) {
            long[] counts = runTable(table);
            scanned += counts[0];
            changed += counts[1];
        }
        log.info("Re-encryption finished: {} row(s) scanned, {} value(s) re-encrypted to key {}", scanned, changed,
                cipher.activeKeyId());
        return new Result(cipher.activeKeyId(), scanned, changed);
    }

    private long[] runTable(EncryptedColumns table) {
        String select = "select " + table.idColumn() + ", " + String.join(", ", table.columns()) + " from "
                + table.table() + " where " + table.idColumn() + " > ? order by " + table.idColumn();
        long lastId = 0;
        long scanned = 0;
        long changed = 0;
        while (true) {
            long after = lastId;
            long[] batch = transaction.execute(tx -> runBatch(table, select, after));
            if (batch == null || batch[0] == 0) {
                break;
            }
            scanned += batch[0];
            changed += batch[1];
            lastId = batch[2];
            log.info("Re-encryption of {}: {} row(s) scanned, {} value(s) re-encrypted so far (up to id {})",
                    table.table(), scanned, changed, lastId);
        }
        return new long[] {scanned, changed};
    }

    /** One batch: {rows read, values changed, last id}. */
    private long[] runBatch(EncryptedColumns table, String select, long afterId) {
        // Column maps are case-insensitive: H2 answers labels in upper case, PostgreSQL in lower case.
        List<Map<String, Object>> rows = jdbc.queryForList(select, afterId);
        long changed = 0;
        long lastId = afterId;
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get(table.idColumn())).longValue();
            lastId = id;
            for (String column : table.columns()) {
                String stored = (String) row.get(column);
                if (!cipher.isUnderActiveKey(stored)) {
                    int updated = jdbc.update("update " + table.table() + " set " + column + " = ? where "
                            + table.idColumn() + " = ? and " + column + " = ?",
                            cipher.encrypt(cipher.decrypt(stored)), id, stored);
                    changed += updated;
                }
            }
        }
        return new long[] {rows.size(), changed, lastId};
    }
}
