-- Transactional outbox for mail (issue 6, figure 2): a process step writes its mail as a row in its own transaction;
-- with SMTP configured the row is PENDING and the dispatcher sends it later, retrying with backoff until FAILED.
alter table outbound_mail add column attempts integer default 0 not null;
alter table outbound_mail add column next_attempt_at timestamp(6) with time zone;
alter table outbound_mail add column last_error varchar(1000);
alter table outbound_mail add column sent_at timestamp(6) with time zone;
-- A dispatcher claims a batch by writing its lease; another dispatcher skips rows whose lease has not expired.
alter table outbound_mail add column lease_owner varchar(64);
alter table outbound_mail add column lease_until timestamp(6) with time zone;
create index ix_outbound_mail_due on outbound_mail (delivery, next_attempt_at);
