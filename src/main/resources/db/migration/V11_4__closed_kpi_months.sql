-- The KPI month of a closed month (issue 17), computed once by the live queries and kept: one row per department,
-- all of a month written in one transaction; the primary key makes a second writer of the same month fail (and read
-- the first one's rows) instead of storing it twice. A recompute replaces the month's rows. Plain SQL: H2 and
-- PostgreSQL.
create table kpi_month_figures (
    period                   varchar(7)  not null,
    department_code          varchar(32) not null,
    received                 bigint      not null,
    first_feedback_due       bigint      not null,
    first_feedback_on_time   bigint      not null,
    closed                   bigint      not null,
    closed_on_time           bigint      not null,
    reworked                 bigint      not null,
    first_feedback_breaches  bigint      not null,
    handling_breaches        bigint      not null,
    ratings                  bigint      not null,
    satisfied                bigint      not null,
    bad_ratings              bigint      not null,
    rectification_breaches   bigint      not null,
    computed_at              timestamp(6) with time zone not null,
    constraint pk_kpi_month_figures primary key (period, department_code)
);
