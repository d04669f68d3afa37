-- Issue 17: the supervision rule check after each breach counts the department's breaches of one kind since the start
-- of the month (DeadlineBreachRepository.countByDepartmentCodeAndKindAndRecordedAtGreaterThanEqual, the only query
-- the former index served). With the kind in the index the count reads only that kind's entries, in the index,
-- instead of fetching every breach of the department since that date to look at its kind.
drop index ix_deadline_breach_department;
create index ix_deadline_breach_department_kind on deadline_breach (department_code, kind, recorded_at);
