-- Issue 13: an overdue bad-rating rectification is a breach of the department, recorded once per case.
alter table citizen_rating add column rectification_overdue_at timestamp(6) with time zone;
