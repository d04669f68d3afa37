-- Issue 17: the intake registers a complaint and answers; PendingComplaintStarts starts the processes of the
-- complaints that have none yet, oldest first. Only those few rows are in the index.
create index ix_complaint_pending_start on complaint (id) where process_instance_id is null;
