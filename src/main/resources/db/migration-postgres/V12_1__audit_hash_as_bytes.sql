-- Issue 17, figure 5: an entry's HMAC-SHA-256 is 32 bytes; as 64 hex characters it took 65 bytes in every entry of
-- the ten-year trail (42 a case). The bytes are the same hash: the chain still links the hex text of each hash
-- (AuditChain), so entries written before this migration verify as they did. ALTER ... TYPE rewrites the table without
-- firing the append-only row trigger. The chain head (one row a case) keeps its hex text.
alter table audit_entry alter column hash set data type bytea using decode(hash, 'hex');
alter table audit_entry add constraint ck_audit_entry_hash_length check (octet_length(hash) = 32);

-- The head's forward-only check (V8_5) compares the head's hex text with the entry's bytes.
create or replace function audit_chain_head_forward_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.last_seq = 0 and new.last_hash = repeat('0', 64) then
            return new;
        end if;
    elsif tg_op = 'DELETE' then
        if not exists (select 1 from audit_entry where case_key = old.case_key) then
            return old;
        end if;
    elsif new.case_key = old.case_key and new.last_seq = old.last_seq and new.last_hash = old.last_hash then
        return new;
    elsif new.case_key = old.case_key and new.last_seq > old.last_seq and exists (
            select 1 from audit_entry where case_key = new.case_key and seq = new.last_seq
            and hash = decode(new.last_hash, 'hex')) then
        return new;
    end if;
    raise exception 'audit_chain_head moves only forward: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
