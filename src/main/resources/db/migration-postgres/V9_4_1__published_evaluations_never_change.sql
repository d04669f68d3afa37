-- A published evaluation result and a correction are never updated; a correction after publication is a new
-- version, inserted (H2: the same rule by the Java trigger of db/migration-h2/V9_4_1).
create or replace function evaluation_published_never_changes() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'evaluation_correction' then
        raise exception 'evaluation_correction is append-only: UPDATE refused' using errcode = '23514';
    end if;
    if old.status = 'PUBLISHED' then
        raise exception 'a published evaluation result never changes: UPDATE refused' using errcode = '23514';
    end if;
    return new;
end;
$$;
create trigger evaluation_run_published_never_changes before update on evaluation_run
    for each row execute function evaluation_published_never_changes();
create trigger evaluation_correction_append_only before update on evaluation_correction
    for each row execute function evaluation_published_never_changes();
