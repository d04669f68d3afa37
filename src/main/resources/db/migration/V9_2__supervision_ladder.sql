-- The supervision ladder after a handling breach (issue 13): when the 督办 notice was sent and by when the department
-- must act on it, when the department's head was told (通报) and by when, and when the case was referred to the
-- supervision rules (执纪问责). Each step is recorded once per case; the breach itself stays in deadline_breach.
alter table complaint add column supervision_notice_at timestamp(6) with time zone;
alter table complaint add column supervision_notice_due_at timestamp(6) with time zone;
alter table complaint add column criticized_at timestamp(6) with time zone;
alter table complaint add column criticism_due_at timestamp(6) with time zone;
alter table complaint add column referred_to_rules_at timestamp(6) with time zone;
