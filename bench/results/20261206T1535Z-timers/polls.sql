begin;
update act_ru_job set duedate_ = now() - interval '1 second' where process_instance_id_ in (select j.process_instance_id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = 'BoundaryEvent_FirstFeedbackBreach' limit 10000) and job_def_id_ in (select id_ from act_ru_jobdef where act_id_ in ('BoundaryEvent_FirstFeedbackBreach', 'BoundaryEvent_FirstFeedbackReminder'));
prepare ff(timestamp) as select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ in ('BoundaryEvent_FirstFeedbackBreach', 'BoundaryEvent_FirstFeedbackReminder') and j.duedate_ <= $1;
prepare br as select count(*) - 0 from deadline_breach;
prepare ml as select count(*) - 0 from outbound_mail where notice = 'FIRST_FEEDBACK_BREACH';
set plan_cache_mode = force_generic_plan;
\echo ==== timers condition, generic plan, parallel allowed (as the wait ran)
explain (analyze, buffers, costs off, timing off) execute ff(now()::timestamp);
explain (analyze, buffers, costs off, timing off) execute ff(now()::timestamp);
set max_parallel_workers_per_gather = 0;
deallocate ff;
prepare ff(timestamp) as select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ in ('BoundaryEvent_FirstFeedbackBreach', 'BoundaryEvent_FirstFeedbackReminder') and j.duedate_ <= $1;
\echo ==== timers condition, generic plan, no parallel workers (--lean)
explain (analyze, buffers, costs off, timing off) execute ff(now()::timestamp);
explain (analyze, buffers, costs off, timing off) execute ff(now()::timestamp);
\echo ==== breaches and mails conditions
explain (analyze, buffers, costs off, timing off) execute br;
explain (analyze, buffers, costs off, timing off) execute ml;
rollback;
