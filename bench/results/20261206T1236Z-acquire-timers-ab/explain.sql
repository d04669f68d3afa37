begin;
update act_ru_job set duedate_ = now() - interval '1 second' where process_instance_id_ in (select j.process_instance_id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = 'BoundaryEvent_FirstFeedbackBreach' limit 10000) and job_def_id_ in (select id_ from act_ru_jobdef where act_id_ in ('BoundaryEvent_FirstFeedbackBreach', 'BoundaryEvent_FirstFeedbackReminder'));
-- lock 60 jobs as the executor would hold them
update act_ru_job set lock_owner_='x', lock_exp_time_ = now() + interval '30 seconds' where id_ in (select id_ from act_ru_job where duedate_ <= now() limit 60);
\i acq.sql
\echo ==== custom plan, stale stats, limit 30
explain (analyze, buffers, costs) execute acq(now()::timestamp, 30, 0);
set plan_cache_mode = force_generic_plan;
\echo ==== generic plan, stale stats
explain (analyze, buffers, costs) execute acq(now()::timestamp, 30, 0);
explain (analyze, buffers, costs) execute acq(now()::timestamp, 2, 0);
analyze act_ru_job;
deallocate acq;
\i acq.sql
\echo ==== generic plan, fresh stats
explain (analyze, buffers, costs) execute acq(now()::timestamp, 30, 0);
set plan_cache_mode = force_custom_plan;
\echo ==== custom plan, fresh stats
explain (analyze, buffers, costs) execute acq(now()::timestamp, 30, 0);
rollback;
