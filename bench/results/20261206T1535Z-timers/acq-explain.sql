\i /work/wt-timers/bench/results/20261206T1236Z-acquire-timers-ab/acq.sql
explain (analyze, buffers, costs, settings) execute acq(now()::timestamp, 30, 0);
select count(*) filter (where lock_owner_ is not null) locked, count(*) filter (where duedate_ <= now()) due, count(*) from act_ru_job;
select relname, n_live_tup, n_dead_tup, last_analyze from pg_stat_user_tables where relname in ('act_ru_job');
