-- Issue 13: a spot-check round closes with its open items (discrepancies whose rectification passed its deadline)
-- listed, and records how many earlier rounds were still open when it was drawn.
alter table spot_check_sample add column rectification_overdue_at timestamp(6) with time zone;
alter table spot_check_round add column open_items integer;
alter table spot_check_round add column earlier_rounds_open integer not null default 0;
