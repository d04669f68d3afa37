-- Staff lists, the department dashboard and the monthly KPIs over millions of complaints (docs/benchmarks.md,
-- figure 4). Every list orders by its sort field and then by id (a stable page order), so the list indexes end
-- with id: the first page of a list is then read in index order, without sorting the matching rows.
drop index ix_complaint_submitted;
create index ix_complaint_submitted on complaint (submitted_at, id);
drop index ix_complaint_handling_department;
create index ix_complaint_handling_department on complaint (handling_department_code, submitted_at, id);
drop index ix_complaint_department;
create index ix_complaint_department on complaint (department_code, submitted_at, id);
drop index ix_complaint_status;
create index ix_complaint_status on complaint (status, submitted_at, id);

-- The dashboard's open cases of one department (a few per cent of its rows).
create index ix_complaint_handling_status on complaint (handling_department_code, status);

-- The KPI month reads only these columns of the cases received, and of the cases closed, in one month: with them
-- in the index it never visits the table (PostgreSQL: index-only scans).
create index ix_complaint_received_kpi on complaint (submitted_at, handling_department_code, first_feedback_due_at,
    first_feedback_at);
create index ix_complaint_closed_kpi on complaint (closed_at, handling_department_code, handling_breached_at,
    rework_count);

-- Breaches of one month, per department and kind, from the index alone.
create index ix_deadline_breach_recorded on deadline_breach (recorded_at, department_code, kind);

-- Satisfaction of one month: each rating names the department it counts against (the one handling the case when
-- the round opened, as a deadline breach does), so the month's ratings are counted per department from one index,
-- without looking each case up in the complaint table.
alter table citizen_rating add column department_code varchar(32);
update citizen_rating set department_code = (select c.handling_department_code from complaint c
    where c.tracking_number = citizen_rating.tracking_number);
create index ix_citizen_rating_rated on citizen_rating (rated_at, department_code, status, level);
