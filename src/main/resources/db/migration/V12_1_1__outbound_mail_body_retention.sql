-- Issue 17, figure 5: a sent mail's body (a rendering of facts the complaint and its audit trail keep) goes after
-- supervision.mail.body-retention.keep (notification.MailBodyRetention); the row stays: who was written to, when,
-- which notice, the subject and how it was delivered.
alter table outbound_mail alter column body drop not null;
