-- PostgreSQL only: the audit trail refuses UPDATE, and DELETE of any entry still inside its retention period.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.retain_until < now() then
        return old;
    end if;
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create function audit_entry_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: TRUNCATE refused' using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_no_truncate();
