-- Issue 16: the language the complainant filed in (zh-CN or en); the citizen's mails are written in it. Cases filed
-- before have none and get Chinese.
alter table complaint add column mail_language varchar(16);
