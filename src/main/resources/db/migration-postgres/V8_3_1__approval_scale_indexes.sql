-- PostgreSQL only (partial and covering indexes; H2, used by the tests, has neither): approval-case supervision at
-- the scale of a province, 1,000,000 open and millions of closed cases (docs/benchmarks.md, "Approval-case
-- supervision"). Most rows are closed cases, which the watch and the live view never read: the indexes those read
-- hold the open cases only, so they stay small and a closed case costs no entry in them.

-- The watch: open cases whose next check is due, earliest first (closed cases have no next check).
drop index ix_approval_case_next_check;
create index ix_approval_case_next_check on approval_case (next_check_at) where next_check_at is not null;

-- The list: one department's cases, or one department's cases at one stage, newest first (ends with id: a page is
-- read in index order); the stage implies open or closed.
drop index ix_approval_case_department;
create index ix_approval_case_department on approval_case (department_code, status, id);

-- The live view, from the open cases alone and without visiting the table: the undecided ones by promised limit
-- (overdue: passed; near: carded yellow for it and not passed). Open cases by stage are counted in
-- approval_open_count (V8_3).
create index ix_approval_case_undecided on approval_case (promised_due_at, department_code, id)
    where is_open and decided_at is null;
create index ix_approval_case_near on approval_case (promised_due_at, department_code)
    where is_open and decided_at is null and raised_causes like '%PROMISED_LIMIT_NEAR%';

-- The live view's month: cases completed (online or not) and cases decided (days used), from the index alone.
drop index ix_approval_case_closed;
create index ix_approval_case_completed on approval_case (closed_at, department_code)
    include (submitted_channel, completed_channel) where status = 'COMPLETED';
create index ix_approval_case_decided on approval_case (decided_at, department_code) include (used_wd, item_id)
    where used_wd is not null;

-- Cards of the month by colour, for the province and per department (also the rules' count), without the table.
drop index ix_approval_card_department;
create index ix_approval_card_department on approval_card (department_code, colour, raised_at)
    where status <> 'WITHDRAWN';
create index ix_approval_card_raised on approval_card (colour, raised_at) where status <> 'WITHDRAWN';
-- The case page reads its cards by case number.
create index ix_approval_card_case_id on approval_card (case_id);
