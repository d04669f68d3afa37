-- H2 only (the postgres profile runs db/migration-postgres instead). The same protection as PostgreSQL's triggers
-- (V3_1, V8_5 there), by the Java trigger org.opensupervision.audit.h2.AuditTrailGuard:
-- audit_entry refuses UPDATE, and DELETE of an entry still inside its retention period;
-- audit_chain_head moves only forward, to an entry that was written, and goes only with the last entry of its case.
create trigger audit_entry_append_only before update, delete on audit_entry
    for each row call 'org.opensupervision.audit.h2.AuditTrailGuard';
create trigger audit_chain_head_forward_only before insert, update, delete on audit_chain_head
    for each row call 'org.opensupervision.audit.h2.AuditTrailGuard';

-- H2 fires no trigger on TRUNCATE, but refuses to truncate a table that a foreign key references: this table stays
-- empty and only exists to reference both.
create table audit_truncate_guard (
    case_key  varchar(32),
    seq       bigint,
    constraint fk_audit_truncate_guard_entry foreign key (case_key, seq) references audit_entry (case_key, seq),
    constraint fk_audit_truncate_guard_head foreign key (case_key) references audit_chain_head (case_key)
);
