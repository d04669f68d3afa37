-- Issue 17: the intake registers a complaint and answers; PendingComplaintStarts starts the processes of the
-- complaints that have none yet, oldest first. H2 has no partial index: the column, then the id.
create index ix_complaint_pending_start on complaint (process_instance_id, id);
