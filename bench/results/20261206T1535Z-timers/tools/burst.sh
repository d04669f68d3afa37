#!/usr/bin/env bash
# usage: burst.sh <outdir> <template db> <name> [explain]   (extra env passes through: APP_JAR, APP_ARGS, ...)
set -u
OUTD=$1; TPL=$2; NAME=$3; EXPL=${4:-}; [[ $TPL == none ]] && TPL=
cd /work/wt-timers; export BENCH_WAIT_LEAN=${BENCH_WAIT_LEAN:-0}
mkdir -p "$OUTD"; cp bench/run.sh bench/.run-snap-$NAME.sh
BENCH_OUT=$OUTD APP_JAR=${APP_JAR:-/work/ht/main.jar} APP_PORT=8221 BASE_PORT=8222 BENCH_APP_DB=ht_app \
  TIMERS_TEMPLATE_DB=$TPL BENCH_TIMER_CASES=10000 TIMERS_NAME=$NAME TIMERS_CHECKS_DRAIN=${TIMERS_CHECKS_DRAIN:-0} \
  bench/.run-snap-$NAME.sh --scale full timers > "$OUTD/run.out" 2>&1 &
RUN=$!
until grep -q '^mark_timers_start=' "$OUTD/results.txt" 2>/dev/null; do sleep 0.5; kill -0 $RUN 2>/dev/null || exit 1; done
blk() { psql -h 127.0.0.1 -U postgres -d postgres -qAt -F ' ' -c "select blks_hit, blks_read, temp_bytes, tup_returned, tup_fetched from pg_stat_database where datname = 'ht_app'"; }
B0=$(blk); M0=$(awk '/^cpu / { print $2+$3+$4+$7+$8, $5+$6 }' /proc/stat)
# pg_stat_activity sampled every 0.2 s: what the application's backends are running (a poor man's profile of PG CPU)
psql -h 127.0.0.1 -U postgres -d postgres -qAt -F '|' > "$OUTD/activity.txt" 2>/dev/null <<SQL &
select clock_timestamp(), pid, backend_type, coalesce(wait_event_type,'-'), coalesce(wait_event,'-'), left(regexp_replace(query, '\s+', ' ', 'g'), 160) from pg_stat_activity where datname = 'ht_app' and state = 'active' and pid <> pg_backend_pid() and application_name not like 'psql%' \watch 0.2
SQL
SAMP=$!
if [[ -n "$EXPL" ]]; then
  ( sleep 25; for m in force_custom_plan force_generic_plan; do
      { echo "==== $(date -u +%T) $m"; psql -h 127.0.0.1 -U postgres -d ht_app -c "set plan_cache_mode = $m" -f /work/ht/acq-explain.sql; } >> "$OUTD/explain-midburst.txt" 2>&1
    done ) &
fi
until grep -q '^mark_timers_end=' "$OUTD/results.txt" 2>/dev/null; do sleep 0.5; kill -0 $RUN 2>/dev/null || break; done
kill $SAMP 2>/dev/null
B1=$(blk); M1=$(awk '/^cpu / { print $2+$3+$4+$7+$8, $5+$6 }' /proc/stat)
echo "$B0 $B1" | awk '{ printf "blks_hit_per_timer=%.1f\nblks_read_per_timer=%.1f\ntemp_bytes=%d\n", ($6-$1)/20000, ($7-$2)/20000, $8-$3 }' > "$OUTD/blocks.txt"
echo "$M0 $M1" | awk -v hz=$(getconf CLK_TCK) '{ printf "machine_busy_cpu_seconds=%.1f\nmachine_idle_cpu_seconds=%.1f\n", ($3-$1)/hz, ($4-$2)/hz }' >> "$OUTD/blocks.txt"
wait $RUN
