-- A more compact audit trail (issue 6, figure 5): the audit trail is kept ten years, so every byte per entry counts.
-- The previous hash is the hash of the entry before, which each entry's HMAC covers: stored once, not twice.
alter table audit_entry drop column prev_hash;
-- (case_key, seq) identifies an entry (unique, indexed); the surrogate key was never read.
alter table audit_entry drop column id;
-- The retention purge groups by case and never used this index.
drop index ix_audit_entry_retain;
