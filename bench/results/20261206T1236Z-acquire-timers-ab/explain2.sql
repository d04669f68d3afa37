begin;
drop index act_idx_job_duedate;
update act_ru_job set duedate_ = now() - interval '1 second' where process_instance_id_ in (select j.process_instance_id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = 'BoundaryEvent_FirstFeedbackBreach' limit 10000) and job_def_id_ in (select id_ from act_ru_jobdef where act_id_ in ('BoundaryEvent_FirstFeedbackBreach', 'BoundaryEvent_FirstFeedbackReminder'));
update act_ru_job set lock_owner_='x', lock_exp_time_ = now() + interval '30 seconds' where id_ in (select id_ from act_ru_job where duedate_ <= now() limit 60);
\i acq.sql
\echo ==== NO duedate index: custom plan, stale stats, limit 30
explain (analyze, costs) execute acq(now()::timestamp, 30, 0);
\echo ==== limit 2
explain (analyze, costs) execute acq(now()::timestamp, 2, 0);
rollback;
begin;
\echo ==== few due (5 of 60k), stale stats, with duedate index
update act_ru_job set duedate_ = now() - interval '1 second' where id_ in (select id_ from act_ru_job limit 5);
explain (analyze, costs) execute acq(now()::timestamp, 30, 0);
drop index act_idx_job_duedate;
\echo ==== few due, no duedate index
explain (analyze, costs) execute acq(now()::timestamp, 30, 0);
analyze act_ru_job;
\echo ==== few due, no duedate index, fresh stats
explain (analyze, costs) execute acq(now()::timestamp, 30, 0);
rollback;
