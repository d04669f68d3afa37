-- PostgreSQL only: where each case's chain ends may only move forward, to an entry that was written (appends take the
-- row lock with a no-op update, then move it), and a head goes only with the last entry of its case (the retention
-- purge). Without this, whoever may write the table could roll the end of a chain back together with deleting its
-- last entries (those past retention, or any with the audit_entry trigger bypassed) and the shorter chain would verify.
create function audit_chain_head_forward_only() returns trigger language plpgsql as $$
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
            select 1 from audit_entry where case_key = new.case_key and seq = new.last_seq and hash = new.last_hash) then
        return new;
    end if;
    raise exception 'audit_chain_head moves only forward: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_chain_head_forward_only
    before insert or update or delete on audit_chain_head
    for each row execute function audit_chain_head_forward_only();

create function audit_chain_head_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'audit_chain_head moves only forward: TRUNCATE refused' using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_chain_head_no_truncate
    before truncate on audit_chain_head
    for each statement execute function audit_chain_head_no_truncate();
