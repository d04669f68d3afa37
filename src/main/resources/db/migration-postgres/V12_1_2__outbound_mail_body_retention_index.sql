-- PostgreSQL only (H2 has no partial index; it scans): the nightly body retention reads the mails that still have a
-- body, oldest first. Only those (the last keep period's) are in the index; a mail leaves it with its body.
create index ix_outbound_mail_body_kept on outbound_mail (created_at) where body is not null;
