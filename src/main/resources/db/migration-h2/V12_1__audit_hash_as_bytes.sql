-- H2 only (PostgreSQL: db/migration-postgres/V12_1): an entry's HMAC-SHA-256 as its 32 bytes instead of 64 hex
-- characters. H2 converts text to binary as UTF-8, not as hex, and its append-only trigger refuses UPDATE: the bytes
-- go into a new column, decoded by the guard's hexBytes, with the trigger off for the migration only.
create alias audit_hash_bytes for 'org.opensupervision.audit.h2.AuditTrailGuard.hexBytes';
drop trigger audit_entry_append_only;
alter table audit_entry add column hash_bytes varbinary(32);
update audit_entry set hash_bytes = audit_hash_bytes(hash);
alter table audit_entry drop column hash;
alter table audit_entry alter column hash_bytes rename to hash;
alter table audit_entry alter column hash set not null;
alter table audit_entry add constraint ck_audit_entry_hash_length check (octet_length(hash) = 32);
create trigger audit_entry_append_only before update, delete on audit_entry
    for each row call 'org.opensupervision.audit.h2.AuditTrailGuard';
drop alias audit_hash_bytes;
