-- PostgreSQL only: the staff list's text search (q) is lower(title) LIKE '%…%' or lower(tracking_number) LIKE
-- '%…%'. A B-tree cannot serve a pattern with a leading wildcard; pg_trgm's GIN indexes can (for three characters or
-- more; Chinese text works too, the database being UTF-8). Without both, the OR of the two falls back to a scan of
-- the whole table.
create extension if not exists pg_trgm;
create index ix_complaint_title_trgm on complaint using gin (lower(title) gin_trgm_ops);
create index ix_complaint_tracking_trgm on complaint using gin (lower(tracking_number) gin_trgm_ops);
