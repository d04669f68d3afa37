-- The live view's open cases by stage, per department, kept by the event intake in the transaction that moves a case
-- (docs/benchmarks.md, "Approval-case supervision"): counting a million open cases on every view took longer than
-- the view may. A row per department and open stage; the intake adds the batch's changes, department by department
-- and stage by stage in a fixed order, so concurrent batches of one department queue on these rows (as they would on
-- the cases) and never deadlock.
create table approval_open_count (
    department_code varchar(32) not null,
    status          varchar(24) not null,
    cases           bigint      not null,
    constraint pk_approval_open_count primary key (department_code, status)
);
insert into approval_open_count (department_code, status, cases)
    select department_code, status, count(*) from approval_case where is_open = true group by department_code, status;
