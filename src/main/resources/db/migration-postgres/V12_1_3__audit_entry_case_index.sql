-- PostgreSQL only, issue 17, figure 5: the unique index on (case_key, seq) held one tuple per entry, case key repeated
-- (~2 KB of the ~15 KB a closed complaint kept in the trail); an index on the case key alone is deduplicated (one key,
-- then the entries' row pointers: ~0.3 KB a case), and every read of the trail is by case (its ~42 entries sorted by
-- seq). The sequence stays one chain per case without the constraint: appends lock the case's chain head and number
-- from it, and verification names any gap or repeated sequence (SEQUENCE_GAP) as it names any altered entry. H2
-- (development and tests) keeps the constraint, which its truncate guard's foreign key needs.
create index ix_audit_entry_case on audit_entry (case_key);
alter table audit_entry drop constraint uk_audit_entry_seq;
