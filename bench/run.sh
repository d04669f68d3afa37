#!/usr/bin/env bash
# Benchmarks of issue 6, run by hand (never by the test suite). See bench/README.md.
#
#   bench/run.sh [--scale small|full] [phase...]
#   phases: baseline app starts deadlines   (default: all four, in this order)
#           timers, storage, lists, approval, e2e, memory  (only when named)
#
# Every phase writes key=value lines to bench/results/<UTC time>-<scale>/results.txt; docs/benchmarks.md is written
# from them. Databases: bench_baseline, bench_app (dropped and created afresh by the phase that uses them); the phase
# approval uses its own, supervision_bench_approval and supervision_bench_approval_baseline, on its own ports.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SCALE=small
if [[ "${1:-}" == "--scale" ]]; then SCALE=$2; shift 2; fi
PHASES=${*:-baseline app starts deadlines}

case "$SCALE" in
  # Each size below can be overridden from the environment (e.g. TIMER_CASES=2000).
  small) BURST_SECONDS=10; INTAKE_SECONDS=10; STORAGE_CASES=20; BASE_TIMERS=600; TIMER_CASES=300; DATAGEN=20000
         QUERY_ITERATIONS=10; STARTS=1; FIG3_PADDING=2000; FIG3_SECONDS=30; FIG3_RATE=5; FIG3_DEADLINE=PT1M; FIG3_REMINDER=PT30S ;;
  full)  BURST_SECONDS=30; INTAKE_SECONDS=60; STORAGE_CASES=300; BASE_TIMERS=20000; TIMER_CASES=10000; DATAGEN=1000000
         QUERY_ITERATIONS=20; STARTS=3; FIG3_PADDING=200000; FIG3_SECONDS=120; FIG3_RATE=20; FIG3_DEADLINE=PT1M; FIG3_REMINDER=PT30S ;;
  *) echo "unknown scale $SCALE" >&2; exit 2 ;;
esac
# Phase approval (issue 11): open and closed cases generated in the database, intake rounds, cards due per round.
case "$SCALE" in
  small) APPROVAL_OPEN=10000; APPROVAL_CLOSED=50000; APPROVAL_SECONDS=20; APPROVAL_BASE_SECONDS=10; APPROVAL_RAISE=200 ;;
  full)  APPROVAL_OPEN=1000000; APPROVAL_CLOSED=5000000; APPROVAL_SECONDS=60; APPROVAL_BASE_SECONDS=30; APPROVAL_RAISE=1000 ;;
esac
for v in BURST_SECONDS INTAKE_SECONDS STORAGE_CASES BASE_TIMERS TIMER_CASES DATAGEN QUERY_ITERATIONS STARTS \
         FIG3_SECONDS FIG3_RATE FIG3_DEADLINE FIG3_REMINDER FIG3_PADDING \
         APPROVAL_OPEN APPROVAL_CLOSED APPROVAL_SECONDS APPROVAL_BASE_SECONDS APPROVAL_RAISE; do
  override="BENCH_$v"; [[ -n "${!override:-}" ]] && printf -v "$v" '%s' "${!override}"
done

PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt"
JDBC_BASE="jdbc:postgresql://127.0.0.1:5432"
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/42.7.8/postgresql-42.7.8.jar)
APP_PORT=${APP_PORT:-8181}
# The timer bursts' waits (baseline and application alike): lean polls unless BENCH_WAIT_LEAN=0 (bench/README.md).
WAIT_LEAN=$([[ ${BENCH_WAIT_LEAN:-1} == 1 ]] && echo true || echo false)
# The database of the phases app, starts, deadlines, timers and storage (dropped and created afresh by app, timers, storage).
BENCH_APP_DB=${BENCH_APP_DB:-bench_app}
# The application's jar (APP_JAR, e.g. a saved variant for an A/B); the build's by default.
APP_JAR=${APP_JAR:-}
BASE_PORT=${BASE_PORT:-8190}
APP_PROFILES=${APP_PROFILES:-postgres,bench}
# Outside the dev profile the application refuses its public development secrets (docs/security.md, "Secrets"). The
# bench's own, fixed so that a later invocation still reads the database an earlier one left (contact data is
# encrypted with the key, access codes derived from the secret); they protect nothing but benchmark data.
export SUPERVISION_AUDIT_CHAIN_KEY=${SUPERVISION_AUDIT_CHAIN_KEY:-bench-only-audit-chain-key-0123456789abcdef}
export SUPERVISION_RATING_LINK_SECRET=${SUPERVISION_RATING_LINK_SECRET:-bench-only-rating-link-secret-0123456789ab}
export SUPERVISION_ACCESS_CODE_SECRET=${SUPERVISION_ACCESS_CODE_SECRET:-bench-only-access-code-secret-0123456789ab}
export SUPERVISION_PRIVACY_KEYS_BENCH=${SUPERVISION_PRIVACY_KEYS_BENCH:-YmVuY2gtb25seS1jb250YWN0LWtleS0zMi1ieXRlcyE=}
export SUPERVISION_PRIVACY_ACTIVE_KEY=${SUPERVISION_PRIVACY_ACTIVE_KEY:-bench}
# JVM options of the application: by default those of the production image (Dockerfile's JAVA_TOOL_OPTIONS, which
# `./mvnw spring-boot:run` also uses); APP_JAVA_OPTS="" measures the JVM's own defaults.
PRODUCTION_JAVA_OPTS=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\) -Duser.timezone=UTC"$/\1/p' Dockerfile)
APP_JAVA_OPTS=${APP_JAVA_OPTS-$PRODUCTION_JAVA_OPTS}
# The image's malloc arena limit (Dockerfile), for the application's JVM only.
APP_MALLOC_ARENA_MAX=${APP_MALLOC_ARENA_MAX-$(sed -n 's/^ENV MALLOC_ARENA_MAX=\(.*\)$/\1/p' Dockerfile)}
JFR_TOOL=/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr
# BENCH_OUT lets a later invocation (e.g. the app phases after a merge) add to the same results.
OUT=${BENCH_OUT:-"$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-$SCALE"}
mkdir -p "$OUT"
RESULTS="$OUT/results.txt"

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$OUT/run.log" >&2; }
record() { tee -a "$RESULTS"; }
section() { echo "# $*" >> "$RESULTS"; log "$*"; }
mark() { echo "mark_$1=$(date -u +%Y-%m-%dT%H:%M:%SZ)" | record; }
marked() { grep "^mark_$1=" "$RESULTS" | tail -1 | cut -d= -f2; }
JFR_OPTS="-XX:FlightRecorderOptions:stackdepth=256"
bench() { java -cp "$ROOT/bench/target/classes:$PGJAR" org.opensupervision.bench.Bench "$@"; }
fresh_db() { $PG -d postgres -c "drop database if exists $1 with (force)" -c "create database $1"; }
post() { curl -fsS -m 900 -X POST "$1"; echo; }
rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
# CPU time (utime + stime, in clock ticks) of a process, and of the PostgreSQL backends serving a database: compared
# over a window they give the CPU a figure cost, whatever else loads the machine (figure 2's A/Bs of builds).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
pg_cpu_ticks() {
  local t=0 p
  for p in $(pgrep -f "^postgres: .* $1 " || true); do t=$(( t + $(cpu_ticks "$p" 2>/dev/null || echo 0) )); done
  echo $t
}
# The rows a database's backends read and wrote, and its commits (pg_stat_database): counts, whatever the load.
pg_counts() { $PG -d postgres -F ' ' -c "select xact_commit, tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = '$1'"; }
# Per Camunda and application table: scans and rows read and written (pg_stat_user_tables), counts whatever the load.
# The last two columns: of those, the sequential scans and the rows they read.
pg_table_counts() { $PG -d $1 -F ' ' -c "select relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0), coalesce(idx_tup_fetch, 0) + coalesce(seq_tup_read, 0), n_tup_ins, n_tup_upd, n_tup_del, coalesce(seq_scan, 0), coalesce(seq_tup_read, 0) from pg_stat_user_tables"; }
due_jobs() { echo "select count(*) from act_ru_job where retries_ > 0 and handler_type_ <> 'history-cleanup' and (duedate_ is null or duedate_ <= ?)"; }

# Waits for a readiness URL; prints the seconds since $2 (epoch nanoseconds).
wait_ready() {
  local url=$1 since=$2 limit=${3:-180}
  for _ in $(seq 1 $((limit * 5))); do
    if curl -fsS -m 2 -o /dev/null "$url" 2>/dev/null; then
      awk -v a="$since" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f\n", (b - a) / 1e9 }'
      return 0
    fi
    sleep 0.2
  done
  echo "not ready after ${limit}s: $url" >&2
  return 1
}

stop() {
  local pid=$1
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

machine() {
  section "machine"
  {
    echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "scale=$SCALE"
    echo "commit=$(git rev-parse --short HEAD) $(git log -1 --format=%s | cut -c1-80)"
    echo "cores=$(nproc)"
    echo "memory_mb=$(free -m | awk '/Mem:/ { print $2 }')"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    echo "java=$(java -version 2>&1 | head -1)"
    echo "postgres=$($PG -d postgres -c 'show server_version')"
    echo "postgres_shared_buffers=$($PG -d postgres -c 'show shared_buffers')"
    echo "loadavg_at_start=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "other_java_processes=$(pgrep -c java || true)"
    echo "app_java_opts=${APP_JAVA_OPTS:-none} MALLOC_ARENA_MAX=${APP_MALLOC_ARENA_MAX:-unset}"
  } | record
}

build() {
  log "compiling the bench tool"
  mkdir -p bench/target/classes
  javac -q -d bench/target/classes -cp "$PGJAR" bench/src/org/opensupervision/bench/*.java 2>/dev/null \
    || javac -d bench/target/classes -cp "$PGJAR" bench/src/org/opensupervision/bench/*.java
  if [[ " $PHASES " =~ \ (baseline|approval|e2e)\  && ! -f bench/baseline/target/bench-baseline-0.1.0-SNAPSHOT.jar ]]; then
    log "building the baseline"; ./mvnw -q -B -f bench/baseline/pom.xml -DskipTests package
  fi
  if ! ls target/efficiency-supervision-*.jar >/dev/null 2>&1; then
    log "building the application"; ./mvnw -q -B -DskipTests package
  fi
}

# Starts the bare engine (bench/baseline) on a database and port of its own; its pid in BASE_PID.
start_baseline() {
  local name=$1 db=$2 port=$3
  java $JFR_OPTS -XX:StartFlightRecording=filename="$OUT/$name.jfr",dumponexit=true \
    -jar bench/baseline/target/bench-baseline-0.1.0-SNAPSHOT.jar --server.port=$port \
    --spring.datasource.url="$JDBC_BASE/$db" > "$OUT/$name.log" 2>&1 &
  BASE_PID=$!
}

phase_baseline() {
  local db=bench_baseline jdbc="$JDBC_BASE/bench_baseline?user=postgres" url="http://127.0.0.1:$BASE_PORT"
  fresh_db $db
  section "baseline: start"
  local t0; t0=$(date +%s%N)
  start_baseline baseline "$db" "$BASE_PORT"
  local pid=$BASE_PID
  echo "baseline_start_seconds=$(wait_ready "$url/engine-rest/engine" "$t0")" | record

  section "baseline: figure 5 (storage per completed instance, $STORAGE_CASES instances)"
  bench storage --jdbc "$jdbc" --save "$OUT/baseline-storage-before.properties" > /dev/null
  post "$url/bench/start?count=$STORAGE_CASES" | sed 's/^/storage_starts: /' | record
  post "$url/bench/complete?count=$STORAGE_CASES" | sed 's/^/storage_completions: /' | record
  bench storage --jdbc "$jdbc" --before "$OUT/baseline-storage-before.properties" --count $STORAGE_CASES \
    | sed 's/^/baseline_/' | record

  for c in 16 64; do
    section "baseline: figure 1 reference (REST starts, $c connections, ${INTAKE_SECONDS}s)"
    bench load --url "$url" --kind engine-start --connections $c --duration $INTAKE_SECONDS \
      | sed "s/^/baseline_rest_c${c}_/" | record
  done
  echo "baseline_rss_mb_after_rest=$(rss_mb $pid)" | record

  section "baseline: in-JVM starts (reference)"
  post "$url/bench/start?count=$((BASE_TIMERS / 10))&threads=2" | sed 's/^/baseline_inproc_starts: /' | record

  section "baseline: figure 2 reference ($BASE_TIMERS due timers, default job executor)"
  local have; have=$($PG -d $db -c "select count(*) from act_ru_job where handler_type_ = 'timer-transition'")
  if (( have < BASE_TIMERS )); then
    post "$url/bench/start?count=$((BASE_TIMERS - have))&threads=2" | sed 's/^/baseline_timer_topup: /' | record
  fi
  # Polled as phase app's burst is (--lean, BENCH_WAIT_LEAN): the same measuring on both sides of the ratio.
  bench wait --jdbc "$jdbc" --timeout 1200 --lean "$WAIT_LEAN" \
    --mark-sql "update act_ru_job set duedate_ = ? where id_ in (select id_ from act_ru_job where handler_type_ = 'timer-transition' limit $BASE_TIMERS)" \
    --until "baseline_timers_first_fired|select count(*) from act_ru_job where handler_type_ = 'timer-transition' and duedate_ <= ?|<=$((BASE_TIMERS - 1))" \
    --until2 "baseline_timers_all_fired|select count(*) from act_ru_job where handler_type_ = 'timer-transition' and duedate_ <= ?|<=0" \
    | record
  echo "baseline_rss_mb_end=$(rss_mb $pid)" | record
  stop $pid
  summarize_jfr baseline
}

start_app() {
  local name=$1; shift
  local t0; t0=$(date +%s%N)
  MALLOC_ARENA_MAX=$APP_MALLOC_ARENA_MAX java $JFR_OPTS $APP_JAVA_OPTS -XX:StartFlightRecording=filename="$OUT/$name.jfr",dumponexit=true \
    -jar ${APP_JAR:-target/efficiency-supervision-*.jar} \
    --spring.profiles.active=$APP_PROFILES --server.port=$APP_PORT \
    --spring.datasource.url="$JDBC_BASE/${APP_DB:-$BENCH_APP_DB}" --spring.datasource.username=postgres \
    --spring.datasource.password= --supervision.protection.exempt-addresses=127.0.0.1 \
    --supervision.mail.public-base-url="http://127.0.0.1:$APP_PORT" ${APP_ARGS:-} "$@" > "$OUT/$name.log" 2>&1 &
  APP_PID=$!
  echo "${name}_start_seconds=$(wait_ready "http://127.0.0.1:$APP_PORT/actuator/health/readiness" "$t0" 900)" | record
}

# Not routed yet: complaints without a process instance (the intake's starter has not reached them), plus every due
# job (routing jobs of a start's last resort, mails, rule checks).
unrouted() { echo "select (select count(*) from complaint where status = 'SUBMITTED' and process_instance_id is null) + ($(due_jobs))"; }

# Waits until every accepted complaint is routed and every job that is due has run; records how long that took.
drain() {
  bench wait --jdbc "$JDBC_BASE/$BENCH_APP_DB?user=postgres" --timeout 1800 --until "$1|$(unrouted)|<=0" | record
}

# Camunda history of the closed cases removed as a removal-time cleanup would (the audit trail and our tables stay).
history_cleanup() {
  local url=$1 jdbc=$2 auth="demo:demo"
  curl -fsS -m 60 -u $auth -H 'Content-Type: application/json' -o /dev/null \
    -X POST "$url/engine-rest/history/process-instance/set-removal-time" \
    -d "{\"absoluteRemovalTime\":\"$(date -u +%Y-%m-%dT%H:%M:%S.000+0000)\",\"hierarchical\":true,\"historicProcessInstanceQuery\":{\"finished\":true}}"
  bench wait --jdbc "$jdbc" --timeout 600 --until "history_removal_time_set|select count(*) from act_ru_batch|<=0" | record
  curl -fsS -m 60 -u $auth -o /dev/null -X POST "$url/engine-rest/history/cleanup?immediatelyDue=true"
  # Until every row with a removal time is gone: the cleanup removes up to a batch of each table per run, so the
  # process instances can be gone while activity instances and variables are not yet.
  local left="select (select count(*) from act_hi_procinst where end_time_ is not null)"
  for t in act_hi_actinst act_hi_varinst act_hi_taskinst act_hi_identitylink act_hi_job_log act_hi_op_log act_hi_decinst; do
    left="$left + (select count(*) from $t where removal_time_ is not null)"
  done
  bench wait --jdbc "$jdbc" --timeout 600 --until "history_cleaned|$left|<=0" | record
}

# The mail body retention (notification.MailBodyRetention) as it runs once the mails are older than its period
# (supervision.mail.body-retention.keep, 180 days): like the removal time of Camunda's history set to now above, the
# mails' times are moved back by MAIL_BODY_AGE, and the job, which the phases that call this run every 5 s instead
# of nightly (RETENTION_EVERY_5S), removes their bodies. Until no mail that was sent, kept in the outbox or written
# for nobody has one.
MAIL_BODY_AGE=${MAIL_BODY_AGE:-181 days}
RETENTION_EVERY_5S='--supervision.mail.body-retention.cron=*/5 * * * * *'
mail_body_retention() {
  local jdbc=$1
  $PG -d $BENCH_APP_DB -c "update outbound_mail set created_at = created_at - interval '$MAIL_BODY_AGE', sent_at = sent_at - interval '$MAIL_BODY_AGE'"
  bench wait --jdbc "$jdbc" --timeout 120 --until "mail_bodies_removed|select count(*) from outbound_mail where body is not null and delivery in ('SMTP', 'OUTBOX', 'NO_ADDRESS')|<=0" | record
}

# Figure 2: TIMER_CASES complaints' first-feedback timers (reminder and breach) made due at once.
app_timers() {
  local url=$1 jdbc=$2 pid=$3
  section "app: figure 2 ($TIMER_CASES complaints = $((TIMER_CASES * 2)) first-feedback timers due at once)"
  local have
  have=$($PG -d $BENCH_APP_DB -c "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = 'BoundaryEvent_FirstFeedbackBreach'")
  if (( have < TIMER_CASES )); then
    bench load --url "$url" --kind intake --connections 16 --duration 900 --max $((TIMER_CASES - have)) \
      | sed 's/^/timer_topup_/' | record
    drain timer_topup_backlog_drained
  fi
  # TIMERS_FILE_ONLY=1: only file the complaints, e.g. to keep the database as TIMERS_TEMPLATE_DB for A/Bs.
  [[ "${TIMERS_FILE_ONLY:-0}" == 1 ]] && return 0
  local ff="select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ in ('BoundaryEvent_FirstFeedbackBreach', 'BoundaryEvent_FirstFeedbackReminder')"
  local b0 m0 r0
  b0=$($PG -d $BENCH_APP_DB -c "select count(*) from deadline_breach")
  m0=$($PG -d $BENCH_APP_DB -c "select count(*) from outbound_mail where notice = 'FIRST_FEEDBACK_BREACH'")
  r0=$($PG -d $BENCH_APP_DB -c "select count(*) from outbound_mail where notice = 'FIRST_FEEDBACK_REMINDER'")
  mark timers_start
  local c0 p0 s0; c0=$(cpu_ticks "$pid"); p0=$(pg_cpu_ticks "$BENCH_APP_DB"); s0=$(pg_counts "$BENCH_APP_DB"); pg_table_counts "$BENCH_APP_DB" > "$OUT/tables-before.txt"
  # --lean: polls that cost little whatever the database's size (SqlWait); BENCH_WAIT_LEAN=0 polls as before (every
  # condition every 250 ms, parallel workers allowed), which on phase app's database took about a core all through.
  bench wait --jdbc "$jdbc" --timeout 1800 --own-reads true --lean "$WAIT_LEAN" \
    --mark-sql "update act_ru_job set duedate_ = ? where process_instance_id_ in (select j.process_instance_id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = 'BoundaryEvent_FirstFeedbackBreach' limit $TIMER_CASES) and job_def_id_ in (select id_ from act_ru_jobdef where act_id_ in ('BoundaryEvent_FirstFeedbackBreach', 'BoundaryEvent_FirstFeedbackReminder'))" \
    --until "app_timers_first_fired|$ff and j.duedate_ <= ?|<=$((TIMER_CASES * 2 - 1))" \
    --until2 "app_timers_all_fired|$ff and j.duedate_ <= ?|<=0" \
    --until3 "app_breaches_all_recorded|select count(*) - $b0 from deadline_breach|$TIMER_CASES" \
    --until4 "app_breach_mails_all_recorded|select count(*) - $m0 from outbound_mail where notice = 'FIRST_FEEDBACK_BREACH'|$TIMER_CASES" \
    | tee "$OUT/timers-wait.txt" | record
  # Every reminder runs with its breach timer due (both were made due at once), so none is still due: none is sent
  # (complaint-handling.bpmn, Task_SendFirstFeedbackReminder). A mail is written in its timer's transaction, so "all
  # timers fired" is also "every mail still due is in the outbox".
  echo "app_reminder_mails_written=$(( $($PG -d $BENCH_APP_DB -c "select count(*) from outbound_mail where notice = 'FIRST_FEEDBACK_REMINDER'") - r0 ))" | record
  mark timers_end
  local c1 p1 hz; c1=$(cpu_ticks "$pid"); p1=$(pg_cpu_ticks "$BENCH_APP_DB"); hz=$(getconf CLK_TCK)
  { echo "app_timers_app_cpu_seconds=$(awk -v a="$c0" -v b="$c1" -v h="$hz" 'BEGIN { printf "%.1f", (b - a) / h }')"
    echo "app_timers_app_cpu_ms_per_timer=$(awk -v a="$c0" -v b="$c1" -v h="$hz" -v n="$TIMER_CASES" 'BEGIN { printf "%.2f", (b - a) * 1000 / h / (2 * n) }')"
    echo "app_timers_pg_cpu_seconds=$(awk -v a="$p0" -v b="$p1" -v h="$hz" 'BEGIN { printf "%.1f", (b - a) / h }')"
    echo "app_timers_pg_cpu_ms_per_timer=$(awk -v a="$p0" -v b="$p1" -v h="$hz" -v n="$TIMER_CASES" 'BEGIN { printf "%.2f", (b - a) * 1000 / h / (2 * n) }')"
  } | record
  sleep 1  # the backends report their counts at most once a second
  paste -d' ' <(echo "commits returned fetched inserted updated deleted" | tr ' ' '\n') <(echo "$s0" | tr ' ' '\n') \
    <(pg_counts "$BENCH_APP_DB" | tr ' ' '\n') \
    | awk -v n="$TIMER_CASES" '{ printf "app_timers_pg_rows_%s_per_timer=%.2f\n", $1, ($3 - $2) / (2 * n) }' | record
  pg_table_counts "$BENCH_APP_DB" > "$OUT/tables-after.txt"
  join <(sort "$OUT/tables-before.txt") <(sort "$OUT/tables-after.txt") \
    | awk -v n="$TIMER_CASES" '{ printf "app_timers_table_%s_per_timer=scans %.2f rows_read %.2f ins %.2f upd %.2f del %.2f seq_scans %.2f seq_rows_read %.2f\n", $1, ($9-$2)/(2*n), ($10-$3)/(2*n), ($11-$4)/(2*n), ($12-$5)/(2*n), ($13-$6)/(2*n), ($14-$7)/(2*n), ($15-$8)/(2*n) }' \
    | grep -v "scans 0.00 rows_read 0.00 ins 0.00 upd 0.00 del 0.00" | record
  # The same without the reads of the wait's own polls (4 counts every 250 ms, the job table among them; their number
  # grows with the burst's duration, and their plans change with the job table's indexes): the application's alone.
  sed -n 's/^poll_reads_\([^=]*\)=scans \([0-9]*\) rows_read \([0-9]*\) seq_scans \([0-9]*\) seq_rows_read \([0-9]*\)$/\1 \2 \3 \4 \5/p' \
    "$OUT/timers-wait.txt" > "$OUT/poll-reads.txt"
  join <(sort "$OUT/tables-before.txt") <(sort "$OUT/tables-after.txt") \
    | awk -v n="$TIMER_CASES" 'NR == FNR { s[$1] = $2; r[$1] = $3; ss[$1] = $4; sr[$1] = $5; next }
        { a = ($9-$2-s[$1])/(2*n); b = ($10-$3-r[$1])/(2*n); c = ($14-$7-ss[$1])/(2*n); d = ($15-$8-sr[$1])/(2*n)
          if (a >= 0.005 || b >= 0.005) printf "app_timers_app_table_%s_per_timer=scans %.2f rows_read %.2f seq_scans %.2f seq_rows_read %.2f\n", $1, a, b, c, d }' \
        "$OUT/poll-reads.txt" - | record
  awk -v n="$TIMER_CASES" '{ s += $2; r += $3 } END { printf "app_timers_poll_scans_per_timer=%.2f\napp_timers_poll_rows_read_per_timer=%.2f\n", s/(2*n), r/(2*n) }' \
    "$OUT/poll-reads.txt" | record
  echo "app_rss_mb_after_timers=$(rss_mb $pid)" | record
  # TIMERS_CHECKS_DRAIN=0: stop here (an A/B of the burst alone; no app_timers_and_checks_* keys then).
  [[ "${TIMERS_CHECKS_DRAIN:-1}" == 1 ]] || return 0
  # The rule checks the breaches started (priority -10: they run after the deadline jobs), until none is left.
  drain app_timers_rule_checks_drained_after_breaches
  # The whole burst's work, the rule checks included (where the window above ends depends on how many of them ran
  # before the last timer did).
  echo "app_timers_and_checks_app_cpu_ms_per_timer=$(awk -v a="$c0" -v b="$(cpu_ticks "$pid")" -v h="$(getconf CLK_TCK)" -v n="$TIMER_CASES" 'BEGIN { printf "%.2f", (b - a) * 1000 / h / (2 * n) }')" | record
  echo "app_timers_and_checks_pg_cpu_ms_per_timer=$(awk -v a="$p0" -v b="$(pg_cpu_ticks "$BENCH_APP_DB")" -v h="$(getconf CLK_TCK)" -v n="$TIMER_CASES" 'BEGIN { printf "%.2f", (b - a) * 1000 / h / (2 * n) }')" | record

}

# Figure 2 alone (for comparing job-executor settings): start, file complaints, make their timers due.
phase_timers() {
  local jdbc="$JDBC_BASE/$BENCH_APP_DB?user=postgres" url="http://127.0.0.1:$APP_PORT"
  if [[ -n "${TIMERS_TEMPLATE_DB:-}" ]]; then
    # A copy of a database whose complaints were filed before (TIMERS_FILE_ONLY=1): an A/B then costs the burst only.
    $PG -d postgres -c "drop database if exists $BENCH_APP_DB with (force)" -c "create database $BENCH_APP_DB template $TIMERS_TEMPLATE_DB"
  else
    fresh_db $BENCH_APP_DB
  fi
  section "timers: start (profiles $APP_PROFILES${TIMERS_TEMPLATE_DB:+, copy of $TIMERS_TEMPLATE_DB})"
  local name="timers-${TIMERS_NAME:-${APP_PROFILES//,/-}}"
  start_app "$name"
  # TIMERS_WARMUP="16 64": before the burst, phase app's intake (INTAKE_SECONDS at each of these connection counts, each
  # followed by its drain), so the burst runs in a JVM and on a database as phase app's does.
  local c
  for c in ${TIMERS_WARMUP:-}; do
    section "timers: warm-up intake, $c connections, ${INTAKE_SECONDS}s"
    bench load --url "$url" --kind intake --connections $c --duration $INTAKE_SECONDS | sed "s/^/timers_warmup_c${c}_/" | record
    drain "timers_warmup_c${c}_backlog_drained"
  done
  app_timers "$url" "$jdbc" "$APP_PID"
  stop $APP_PID
  bench profile --jfr "$OUT/$name.jfr" --from "$(marked timers_start)" --to "$(marked timers_end)" \
    > "$OUT/$name-profile.txt" || true
}

# Figure 5: STORAGE_CASES complaints filed, driven to the end, their bytes with Camunda's history and after its cleanup.
app_storage() {
  local url=$1 jdbc=$2
  section "app: figure 5 (storage per closed complaint, $STORAGE_CASES complaints)"
  bench storage --jdbc "$jdbc" --save "$OUT/app-storage-before.properties" > /dev/null
  bench load --url "$url" --kind intake --connections 4 --duration 600 --max $STORAGE_CASES \
    | sed 's/^/storage_intake_/' | record
  bench drive --base "$url" --jdbc "$jdbc" --count $STORAGE_CASES | record
  bench wait --jdbc "$jdbc" --timeout 600 \
    --until "storage_closed|select count(*) from complaint where status = 'CLOSED'|$STORAGE_CASES" \
    --until2 "storage_jobs_done|$(unrouted)|<=0" | record
  bench storage --jdbc "$jdbc" --before "$OUT/app-storage-before.properties" --count $STORAGE_CASES \
    | sed 's/^/app_/' | record
  $PG -d $BENCH_APP_DB -c "select 'history_rows_per_case=' || round((select count(*) from act_hi_actinst)::numeric / $STORAGE_CASES, 1) || ' actinst, ' || round((select count(*) from act_hi_varinst)::numeric / $STORAGE_CASES, 1) || ' varinst, ' || round((select count(*) from act_hi_detail)::numeric / $STORAGE_CASES, 1) || ' detail, ' || round((select count(*) from act_hi_op_log)::numeric / $STORAGE_CASES, 1) || ' op_log'" | record
  history_cleanup "$url" "$jdbc"
  mail_body_retention "$jdbc"
  bench storage --jdbc "$jdbc" --before "$OUT/app-storage-before.properties" --count $STORAGE_CASES \
    | sed 's/^/app_after_history_cleanup_/' | record
}

phase_app() {
  local jdbc="$JDBC_BASE/$BENCH_APP_DB?user=postgres" url="http://127.0.0.1:$APP_PORT"
  fresh_db $BENCH_APP_DB
  section "app: start (profiles $APP_PROFILES, first start creates the schema)"
  start_app app "$RETENTION_EVERY_5S"
  local pid=$APP_PID
  echo "app_rss_mb_after_start=$(rss_mb $pid)" | record

  app_storage "$url" "$jdbc"

  for c in 16 64; do
    section "app: figure 1 (public intake, $c connections, ${INTAKE_SECONDS}s)"
    mark intake_c${c}_start
    bench load --url "$url" --kind intake --connections $c --duration $INTAKE_SECONDS \
      | sed "s/^/app_intake_c${c}_/" | record
    mark intake_c${c}_end
    echo "app_rss_mb_after_intake_c$c=$(rss_mb $pid)" | record
    drain "app_intake_c${c}_backlog_drained"
  done

  app_timers "$url" "$jdbc" "$pid"

  # APP_LISTS=0 leaves figure 4 to phase lists (its own fresh database; ~13 minutes less here).
  if [[ ${APP_LISTS:-1} == 1 ]]; then
    section "app: figure 4 (staff lists and dashboards over $DATAGEN generated complaints)"
    local g0 g1; g0=$(date +%s%N)
    bench datagen --jdbc "$jdbc" --count $DATAGEN | record
    g1=$(date +%s%N)
    echo "datagen_seconds=$(awk -v a=$g0 -v b=$g1 'BEGIN { printf "%.1f", (b - a) / 1e9 }')" | record
    $PG -d $BENCH_APP_DB -c "select 'complaints_by_status=' || string_agg(status || ':' || n, ' ') from (select status, count(*) n from complaint group by status order by 1) s" | record
    $PG -d $BENCH_APP_DB -c "select 'database_mb=' || pg_database_size('$BENCH_APP_DB') / 1048576" | record
    bench queries --base "$url" --jdbc "$jdbc" --iterations $QUERY_ITERATIONS | record
  fi
  echo "app_rss_mb_end=$(rss_mb $pid)" | record
  stop $pid
  summarize_jfr app
  for w in intake_c16 intake_c64 timers; do
    bench profile --jfr "$OUT/app.jfr" --from "$(marked ${w}_start)" --to "$(marked ${w}_end)" > "$OUT/app-profile-$w.txt" || true
  done
}

# Figure 5 alone (for an A/B of the history level or the audit trail): a fresh database, the application, figure 5.
phase_storage() {
  local jdbc="$JDBC_BASE/$BENCH_APP_DB?user=postgres" url="http://127.0.0.1:$APP_PORT"
  fresh_db $BENCH_APP_DB
  section "storage: start (profiles $APP_PROFILES, database $BENCH_APP_DB)"
  start_app storage "$RETENTION_EVERY_5S"
  app_storage "$url" "$jdbc"
  stop $APP_PID
}

# Figure 4 alone: a fresh database, the application, DATAGEN generated complaints, the staff lists and the KPI month.
phase_lists() {
  local jdbc="$JDBC_BASE/$BENCH_APP_DB?user=postgres" url="http://127.0.0.1:$APP_PORT"
  fresh_db $BENCH_APP_DB
  section "lists: start (profiles $APP_PROFILES, database $BENCH_APP_DB)"
  start_app lists
  local pid=$APP_PID
  section "lists: figure 4 (staff lists and dashboards over $DATAGEN generated complaints)"
  local g0 g1; g0=$(date +%s%N)
  bench datagen --jdbc "$jdbc" --count $DATAGEN | record
  g1=$(date +%s%N)
  echo "lists_datagen_seconds=$(awk -v a=$g0 -v b=$g1 'BEGIN { printf "%.1f", (b - a) / 1e9 }')" | record
  $PG -d $BENCH_APP_DB -c "vacuum analyze complaint" -c "vacuum analyze deadline_breach" -c "vacuum analyze citizen_rating"
  $PG -d $BENCH_APP_DB -c "select 'lists_complaints_without_process=' || count(*) from complaint where process_instance_id is null" | record
  mark lists_start
  bench queries --base "$url" --jdbc "$jdbc" --iterations $QUERY_ITERATIONS | sed 's/^/lists_/' | record
  mark lists_end
  stop $pid
  bench profile --jfr "$OUT/lists.jfr" --from "$(marked lists_start)" --to "$(marked lists_end)" > "$OUT/lists-profile.txt" || true
}

# One `./mvnw spring-boot:run` to readiness, then stopped (and waited for: writing the archive takes up to ~2 minutes
# on a loaded 2-core machine). $1: the log's name; $2: the keys' prefix, empty for an untimed start; $3: the keys'
# number; the rest: Maven arguments.
run_start() {
  local name=$1 keys=$2 n=$3; shift 3
  local t0; t0=$(date +%s%N)
  setsid ./mvnw -q spring-boot:run "$@" -Dspring-boot.run.profiles=$APP_PROFILES \
    -Dspring-boot.run.arguments="--server.port=$APP_PORT --spring.datasource.url=$JDBC_BASE/$BENCH_APP_DB --spring.datasource.username=postgres --spring.datasource.password= --supervision.protection.exempt-addresses=127.0.0.1" \
    > "$OUT/$name.log" 2>&1 &
  local mvn=$!
  local ready; ready=$(wait_ready "http://127.0.0.1:$APP_PORT/actuator/health/readiness" "$t0")
  if [[ -n $keys ]]; then
    echo "${keys}_ready_seconds_$n=$ready" | record
    grep -o 'Started SupervisionApplication in [0-9.]* seconds' "$OUT/$name.log" \
      | sed "s/.* in \(.*\) seconds/${keys}_jvm_reported_seconds_$n=\1/" | record
  fi
  kill -- -"$mvn" 2>/dev/null || true
  for _ in $(seq 1 360); do kill -0 "$mvn" 2>/dev/null || break; sleep 0.5; done
  sleep 2
}

phase_starts() {
  section "figure 6: spring-boot:run to ready ($STARTS times with the class data sharing archive, $STARTS without; database $BENCH_APP_DB)"
  # Start 0 is not timed: a start without a current class data sharing archive (target/cds/app.jsa, pom.xml) records
  # it when its JVM exits; the timed starts after it map it, as every start after the first after a change does.
  run_start spring-boot-run-0 "" 0
  for i in $(seq 1 "$STARTS"); do
    run_start "spring-boot-run-$i" spring_boot_run "$i"
  done
  # The same starts without the archive (its argument file emptied, the execution that writes it skipped), for the
  # ratio in the same run; the next run without -Dmaven.antrun.skip writes the file again (the archive stays current).
  for i in $(seq 1 "$STARTS"); do
    : > target/cds/java.args
    run_start "spring-boot-run-noarchive-$i" spring_boot_run_noarchive "$i" -Dmaven.antrun.skip=true
  done
}

phase_deadlines() {
  local jdbc="$JDBC_BASE/$BENCH_APP_DB?user=postgres" url="http://127.0.0.1:$APP_PORT"
  section "app: figure 3 (deadline accuracy: first feedback due after $FIG3_DEADLINE, intake at $FIG3_RATE/s for ${FIG3_SECONDS}s, on the database left by phase app)"
  # The volume of 100,000 open complaints' timers (two or three each) that intake cannot produce in the time
  # available: copies of a real timer job, due in 2099 and attached to no execution, so the engine's acquisition
  # query scans them (ACT_RU_JOB has no index on the due date) but never runs them.
  $PG -d $BENCH_APP_DB -c "insert into act_ru_job select r.* from (select * from act_ru_job where handler_type_ = 'timer-transition' limit 1) j, generate_series(1, $FIG3_PADDING) g, lateral jsonb_populate_record(null::act_ru_job, to_jsonb(j) || jsonb_build_object('id_', j.id_ || '-pad-' || g, 'duedate_', '2099-01-01T00:00:00', 'execution_id_', null, 'process_instance_id_', null, 'root_proc_inst_id_', null)) r"
  $PG -d $BENCH_APP_DB -c "analyze act_ru_job"
  # The job executor's acquisition query (Camunda's Job.xml with every job dated and acquisition by priority).
  $PG -d $BENCH_APP_DB -c "explain (analyze) select RES.ID_ from ACT_RU_JOB RES where (RES.RETRIES_ > 0) and (RES.DUEDATE_ <= now()) and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now()) and RES.SUSPENSION_STATE_ = 1 order by RES.PRIORITY_ desc limit 30" \
    | grep -E 'Index|Seq Scan|Execution Time' | sed 's/^ */acquisition_plan: /' | record
  echo "padding_timer_jobs=$FIG3_PADDING" | record
  $PG -d $BENCH_APP_DB -c "select 'open_complaints_before=' || count(*) from complaint where status not in ('CLOSED', 'REJECTED')" | record
  $PG -d $BENCH_APP_DB -c "select 'runtime_jobs_before=' || count(*) from act_ru_job" | record
  start_app deadlines --supervision.first-feedback.deadline=$FIG3_DEADLINE \
    --supervision.first-feedback.reminder-before=$FIG3_REMINDER
  local pid=$APP_PID since until
  since=$(date -u -d "+$(java_duration_seconds $FIG3_DEADLINE) seconds" +%Y-%m-%dT%H:%M:%SZ)
  mark deadlines_load_start
  bench load --url "$url" --kind intake --connections 8 --duration $FIG3_SECONDS --rate $FIG3_RATE \
    | sed 's/^/deadlines_intake_/' | record
  until=$(date -u -d "+$(java_duration_seconds $FIG3_DEADLINE) seconds" +%Y-%m-%dT%H:%M:%SZ)
  local wait_s; wait_s=$(( $(java_duration_seconds $FIG3_DEADLINE) + 60 ))
  log "waiting ${wait_s}s for the last deadlines to pass"
  sleep $wait_s
  mark deadlines_load_end
  bench delays --jdbc "$jdbc" --since "$since" --until "$until" | record
  # Any deadline of the window still without a breach record, with what the case had reached.
  $PG -d $BENCH_APP_DB -c "select 'deadline_without_record: ' || tracking_number || ' status ' || status || ' due ' || first_feedback_due_at || ' submitted ' || submitted_at || ' handling ' || coalesce(handling_department_code, '-') from complaint where first_feedback_due_at >= '$since' and first_feedback_due_at < '$until' and first_feedback_breached_at is null and first_feedback_at is null" | record
  echo "deadlines_rss_mb_after_steady_load=$(rss_mb $pid)" | record
  section "figure 6: resident memory after a full intake burst (64 connections, ${BURST_SECONDS}s), JVM options: ${APP_JAVA_OPTS:-none}"
  bench load --url "$url" --kind intake --connections 64 --duration $BURST_SECONDS | sed 's/^/deadlines_burst_/' | record
  echo "deadlines_rss_mb_after_burst=$(rss_mb $pid)" | record
  stop $pid
  summarize_jfr deadlines
  bench profile --jfr "$OUT/deadlines.jfr" --from "$(marked deadlines_load_start)" --to "$(marked deadlines_load_end)" \
    > "$OUT/deadlines-profile.txt" || true
}

# Approval-case supervision (issue 11). Its own databases and ports (APPROVAL_DB, APPROVAL_BASE_DB, APPROVAL_APP_PORT,
# APPROVAL_BASE_PORT), so it never touches the other phases' databases. APPROVAL_REUSE_DATA=1 keeps the generated
# cases of an earlier run (the database must exist; the storage figure is then not measured again).
APPROVAL_DB=${APPROVAL_DB:-supervision_bench_approval}
APPROVAL_BASE_DB=${APPROVAL_BASE_DB:-supervision_bench_approval_baseline}
APPROVAL_APP_PORT=${APPROVAL_APP_PORT:-8281}
APPROVAL_BASE_PORT=${APPROVAL_BASE_PORT:-8290}
APPROVAL_SENDERS=${APPROVAL_SENDERS:-4}
APPROVAL_ROUNDS=${APPROVAL_ROUNDS:-3}
APPROVAL_BASE_CONNECTIONS=${APPROVAL_BASE_CONNECTIONS:-64}

# Bytes of the approval tables (with their indexes and TOAST), as key=value lines with a prefix.
approval_storage() {
  $PG -d "$APPROVAL_DB" -c "select '$1' || relname || '_table_bytes=' || pg_table_size(oid) || E'\\n' || '$1' || relname
      || '_index_bytes=' || pg_indexes_size(oid) || E'\\n' || '$1' || relname || '_rows=' || reltuples::bigint
      from pg_class where relname in ('approval_case', 'approval_event', 'approval_card') order by relname"
  $PG -d "$APPROVAL_DB" -c "select '$1' || 'total_bytes=' || sum(pg_total_relation_size(oid)) from pg_class
      where relname in ('approval_case', 'approval_event', 'approval_card')"
}

phase_approval() {
  local APP_DB=$APPROVAL_DB APP_PORT=$APPROVAL_APP_PORT
  local jdbc="$JDBC_BASE/$APPROVAL_DB?user=postgres" url="http://127.0.0.1:$APPROVAL_APP_PORT"
  local burl="http://127.0.0.1:$APPROVAL_BASE_PORT"
  # The bare engine first (it idles through the data load), on its own database and port.
  section "approval: the bare engine ($APPROVAL_BASE_DB, port $APPROVAL_BASE_PORT), to run beside the application"
  fresh_db "$APPROVAL_BASE_DB"
  local t0; t0=$(date +%s%N)
  start_baseline approval-baseline "$APPROVAL_BASE_DB" "$APPROVAL_BASE_PORT"
  local bpid=$BASE_PID
  if [[ "${APPROVAL_REUSE_DATA:-0}" == 1 ]]; then
    section "approval: reusing the cases of $APPROVAL_DB"
    start_app approval
  else
    if [[ -n "${APPROVAL_TEMPLATE_DB:-}" ]]; then
      # A copy of a database the application created before (saves the first start's schema creation, minutes on
      # a busy machine), without its approval cases.
      $PG -d postgres -c "drop database if exists $APPROVAL_DB with (force)" \
        -c "create database $APPROVAL_DB template $APPROVAL_TEMPLATE_DB"
      $PG -d "$APPROVAL_DB" -c "truncate approval_card, approval_event, approval_case restart identity"
    else
      fresh_db "$APPROVAL_DB"
    fi
    section "approval: start (creates or migrates the schema); the application runs on through the data load"
    start_app approval
    section "approval: $APPROVAL_CLOSED closed cases with their events and cards (set-based, indexes rebuilt after)"
    approval_storage approval_before_ | record > "$OUT/approval-storage-before.txt"
    bench approval-datagen --jdbc "$jdbc" --what closed --count "$APPROVAL_CLOSED" | record
    $PG -d "$APPROVAL_DB" -c "vacuum analyze approval_case" -c "vacuum analyze approval_event" \
      -c "vacuum analyze approval_card"
    section "approval: figure 4 (storage per closed case, after VACUUM)"
    approval_storage approval_closed_ | record > "$OUT/approval-storage-closed.txt"
    local before after
    before=$(grep total_bytes "$OUT/approval-storage-before.txt" | cut -d= -f2)
    after=$(grep total_bytes "$OUT/approval-storage-closed.txt" | cut -d= -f2)
    echo "approval_storage_bytes_per_closed_case=$(( (after - before) / APPROVAL_CLOSED ))" | record
    $PG -d "$APPROVAL_DB" -c "select 'approval_events_per_closed_case=' || round(count(*)::numeric / $APPROVAL_CLOSED, 2)
      from approval_event" | record
    section "approval: $APPROVAL_OPEN open cases with their events and cards (indexes in place)"
    bench approval-datagen --jdbc "$jdbc" --what open --count "$APPROVAL_OPEN" | record
    $PG -d "$APPROVAL_DB" -c "vacuum analyze approval_case" -c "vacuum analyze approval_event" \
      -c "vacuum analyze approval_card"
  fi
  local pid=$APP_PID
  echo "approval_baseline_start_seconds=$(wait_ready "$burl/engine-rest/engine" "$t0" 900)" | record
  $PG -d "$APPROVAL_DB" -c "select 'approval_cases_by_status=' || string_agg(status || ':' || n, ' ') from
      (select status, count(*) n from approval_case group by status order by 1) s" | record
  $PG -d "$APPROVAL_DB" -c "select 'approval_cases_by_department=' || string_agg(department_code || ':' || n, ' ') from
      (select department_code, count(*) n from approval_case where is_open group by 1 order by 1) s" | record
  $PG -d "$APPROVAL_DB" -c "select 'approval_database_mb=' || pg_database_size('$APPROVAL_DB') / 1048576" | record

  # Warm-up of both (JIT, connection pools), not measured.
  bench load --url "$burl" --kind engine-start --connections 16 --duration 10 > /dev/null
  bench approval-load --url "$url" --jdbc "$jdbc" --connections "$APPROVAL_SENDERS" --duration 10 --run "w$(date +%s | tail -c 5)" \
    > "$OUT/approval-warmup.txt"

  for r in $(seq 1 "$APPROVAL_ROUNDS"); do
    section "approval: round $r: bare engine REST starts ($APPROVAL_BASE_CONNECTIONS connections, ${APPROVAL_BASE_SECONDS}s)"
    echo "approval_round${r}_loadavg_before=$(cut -d' ' -f1-3 /proc/loadavg)" | record
    bench load --url "$burl" --kind engine-start --connections "$APPROVAL_BASE_CONNECTIONS" \
      --duration "$APPROVAL_BASE_SECONDS" | sed "s/^/approval_baseline_round${r}_/" | record
    section "approval: round $r: event intake ($APPROVAL_SENDERS senders, batches of 1,000, ${APPROVAL_SECONDS}s); $APPROVAL_RAISE cards due 20 s in"
    bench approval-raise --jdbc "$jdbc" --count "$APPROVAL_RAISE" --delay 20 --timeout $((APPROVAL_SECONDS + 120)) \
      > "$OUT/approval-raise-$r.txt" &
    local raise=$!
    mark "approval_intake_r${r}_start"
    bench approval-load --url "$url" --jdbc "$jdbc" --connections "$APPROVAL_SENDERS" \
      --duration "$APPROVAL_SECONDS" --run "r$r$(date +%s | tail -c 5)" | sed "s/^/approval_intake_round${r}_/" | record
    mark "approval_intake_r${r}_end"
    echo "approval_round${r}_loadavg_after=$(cut -d' ' -f1-3 /proc/loadavg)" | record
    wait $raise || true
    sed "s/^/approval_round${r}_/" "$OUT/approval-raise-$r.txt" | record
  done
  echo "approval_rss_mb_after_intake=$(rss_mb $pid)" | record
  stop $bpid
  $PG -d "$APPROVAL_DB" -c "vacuum analyze approval_case" -c "vacuum analyze approval_card"
  $PG -d "$APPROVAL_DB" -c "select 'approval_cases_after_intake=' || count(*) || ' open ' || count(*) filter (where is_open)
      from approval_case" | record

  section "approval: figure 3 (live view and list, one request at a time, 3 rounds)"
  echo "approval_queries_loadavg_before=$(cut -d' ' -f1-3 /proc/loadavg)" | record
  mark approval_queries_start
  bench approval-queries --base "$url" --iterations "$QUERY_ITERATIONS" | record
  mark approval_queries_end
  echo "approval_queries_loadavg_after=$(cut -d' ' -f1-3 /proc/loadavg)" | record
  stop $pid
  summarize_jfr approval
  for r in $(seq 1 "$APPROVAL_ROUNDS"); do
    bench profile --jfr "$OUT/approval.jfr" --from "$(marked approval_intake_r${r}_start)" \
      --to "$(marked approval_intake_r${r}_end)" > "$OUT/approval-profile-intake-r$r.txt" || true
  done
  bench profile --jfr "$OUT/approval.jfr" --from "$(marked approval_queries_start)" \
    --to "$(marked approval_queries_end)" > "$OUT/approval-profile-queries.txt" || true
}

# Issue 17: the end-to-end figure, with figure 1 again, as medians of E2E_ROUNDS rounds. The bare engine and the
# application run side by side on their own databases (E2E_BASE_DB, E2E_DB), each idle while the other is measured.
# A round: for 16 and 64 connections, the bare engine's REST starts for INTAKE_SECONDS, then the application's intake
# for INTAKE_SECONDS, then the time until every complaint it accepted is routed: its process started, no due job
# left, and each of them holding its first-feedback timer (checked after the wait).
E2E_DB=${E2E_DB:-bench_e2e}
E2E_BASE_DB=${E2E_BASE_DB:-bench_e2e_baseline}
E2E_ROUNDS=${E2E_ROUNDS:-3}
E2E_CONNECTIONS=${E2E_CONNECTIONS:-16 64}
value() { grep "^$1=" "$RESULTS" | tail -1 | cut -d= -f2; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = v[int((NR + 1) / 2)]; printf "%s (%s-%s)", m, v[1], v[NR] }'; }

phase_e2e() {
  local APP_DB=$E2E_DB
  local jdbc="$JDBC_BASE/$E2E_DB?user=postgres" url="http://127.0.0.1:$APP_PORT" burl="http://127.0.0.1:$BASE_PORT"
  fresh_db "$E2E_DB"; fresh_db "$E2E_BASE_DB"
  section "e2e: the bare engine ($E2E_BASE_DB) and the application ($E2E_DB), side by side"
  local t0; t0=$(date +%s%N)
  start_baseline e2e-baseline "$E2E_BASE_DB" "$BASE_PORT"
  local bpid=$BASE_PID
  start_app e2e
  local pid=$APP_PID
  echo "e2e_baseline_start_seconds=$(wait_ready "$burl/engine-rest/engine" "$t0" 900)" | record
  # Not routed yet: complaints without a process instance, plus every due job (the routing jobs of the model, mails).
  local unrouted; unrouted=$(unrouted)
  section "e2e: warm-up (15 s each, not measured)"
  bench load --url "$burl" --kind engine-start --connections 16 --duration 15 > /dev/null
  bench load --url "$url" --kind intake --connections 16 --duration 15 > /dev/null
  bench wait --jdbc "$jdbc" --timeout 1800 --until "e2e_warmup_routed|$unrouted|<=0" | record
  local r c
  for r in $(seq 1 "$E2E_ROUNDS"); do
    for c in $E2E_CONNECTIONS; do
      local k="e2e_r${r}_c${c}"
      section "e2e: round $r, $c connections: bare engine REST starts, ${INTAKE_SECONDS}s"
      echo "${k}_loadavg_before=$(cut -d' ' -f1-3 /proc/loadavg)" | record
      bench load --url "$burl" --kind engine-start --connections $c --duration $INTAKE_SECONDS \
        | sed "s/^/${k}_baseline_/" | record
      section "e2e: round $r, $c connections: intake, ${INTAKE_SECONDS}s, then until every complaint is routed"
      local first; first=$($PG -d "$E2E_DB" -c "select coalesce(max(id), 0) from complaint")
      mark "${k}_start"
      bench load --url "$url" --kind intake --connections $c --duration $INTAKE_SECONDS \
        | sed "s/^/${k}_app_/" | record
      bench wait --jdbc "$jdbc" --timeout 1800 --until "${k}_routed_after|$unrouted|<=0" | record
      mark "${k}_end"
      $PG -d "$E2E_DB" -c "select '${k}_accepted_without_first_feedback_timer=' || count(*) from complaint c
          where c.id > $first and not exists (select 1 from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
          where j.process_instance_id_ = c.process_instance_id and d.act_id_ = 'BoundaryEvent_FirstFeedbackBreach')" | record
      local base app ok secs routed
      base=$(value "${k}_baseline_rate_per_s"); app=$(value "${k}_app_rate_per_s"); ok=$(value "${k}_app_ok")
      secs=$(value "${k}_app_seconds"); routed=$(value "${k}_routed_after_seconds")
      awk -v k="$k" -v b="$base" -v a="$app" -v n="$ok" -v s="$secs" -v w="$routed" 'BEGIN {
        e = n / (s + w)
        printf "%s_answered_ratio=%.2f\n%s_routed_per_s=%.1f\n%s_routed_ratio=%.2f\n", k, a / b, k, e, k, e / b }' | record
    done
  done
  section "e2e: medians of $E2E_ROUNDS rounds (min-max)"
  for c in $E2E_CONNECTIONS; do
    local f
    for f in baseline_rate_per_s app_rate_per_s answered_ratio routed_per_s routed_ratio app_latency_p99_ms \
             baseline_latency_p99_ms; do
      local vals=()
      for r in $(seq 1 "$E2E_ROUNDS"); do vals+=("$(value "e2e_r${r}_c${c}_$f")"); done
      echo "e2e_c${c}_${f}_median=$(median "${vals[@]}")" | record
    done
  done
  echo "e2e_rss_mb_after_rounds=$(rss_mb $pid)" | record
  stop $bpid
  stop $pid
  summarize_jfr e2e
  for r in $(seq 1 "$E2E_ROUNDS"); do
    bench profile --jfr "$OUT/e2e.jfr" --from "$(marked e2e_r${r}_c16_start)" --to "$(marked e2e_r${r}_c16_end)" \
      > "$OUT/e2e-profile-r${r}-c16.txt" || true
  done
}

# Resident memory as the production image runs the application (only when named): the jar extracted with
# `java -Djarmode=tools -jar … extract`, its class data sharing archive trained as the Dockerfile trains it, then
# started with the image's JAVA_TOOL_OPTIONS and MALLOC_ARENA_MAX and -XX:SharedArchiveFile, without JFR (phase app
# runs the fat jar with a JFR recording and no archive: its app_rss_mb_* keys stay as they were, for comparison). On a
# fresh BENCH_APP_DB: intake at 16, then 64 connections for INTAKE_SECONDS, each followed by the drain, as phase app.
# At every checkpoint: RSS, the process's CPU seconds, classes loaded, the heap's and metaspace's use and the
# collections (jstat), the archives' resident and written pages. MEMORY_LAUNCH=fatjar starts it as start_app does
# instead (the fat jar, APP_JAVA_OPTS, JFR), for an A/B in one run; MEMORY_NAME prefixes the keys (default memory);
# MEMORY_JAVA_TOOL_OPTIONS replaces the image's options (e.g. another -Xmx), with IMAGE_DIR to keep each variant's
# layout and archive apart; MEMORY_NMT=1 adds -XX:NativeMemoryTracking=summary and writes `jcmd VM.native_memory
# summary` at every checkpoint (a diagnostic run: tracking costs memory itself, so its RSS is not the figure).
MEMORY_LAUNCH=${MEMORY_LAUNCH:-image}
MEMORY_NAME=${MEMORY_NAME:-memory}
MEMORY_NMT=${MEMORY_NMT:-0}
# The bursts, one after the other (e.g. MEMORY_CONNECTIONS=64 BENCH_INTAKE_SECONDS=120 for a long burst alone).
MEMORY_CONNECTIONS=${MEMORY_CONNECTIONS:-16 64}
IMAGE_JAVA_TOOL_OPTIONS=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' Dockerfile)
MEMORY_JAVA_TOOL_OPTIONS=${MEMORY_JAVA_TOOL_OPTIONS:-$IMAGE_JAVA_TOOL_OPTIONS}
# The image's layout, kept between runs (bench/target/image) and made again when the jar or the options change.
IMAGE_DIR=${IMAGE_DIR:-$ROOT/bench/target/image}

# The jar extracted and its archive trained, as the Dockerfile's build and runtime stages do (/app is $IMAGE_DIR/app).
image_layout() {
  local jar; jar=$(ls ${APP_JAR:-target/efficiency-supervision-*.jar} | head -1)
  local stamp; stamp="$(stat -c '%s %Y' "$jar") $MEMORY_JAVA_TOOL_OPTIONS MALLOC_ARENA_MAX=$APP_MALLOC_ARENA_MAX"
  if [[ -f "$IMAGE_DIR/app/app.jsa" && "$(cat "$IMAGE_DIR/stamp" 2>/dev/null)" == "$stamp" ]]; then return 0; fi
  log "extracting $jar and training its class data sharing archive in $IMAGE_DIR"
  rm -rf "$IMAGE_DIR"; mkdir -p "$IMAGE_DIR"
  cp "$jar" "$IMAGE_DIR/app.jar"
  java -Djarmode=tools -jar "$IMAGE_DIR/app.jar" extract --destination "$IMAGE_DIR/app"
  # The Dockerfile's RUN after its ENV lines: the training start runs with the image's options too.
  (cd "$IMAGE_DIR/app" && JAVA_TOOL_OPTIONS="$MEMORY_JAVA_TOOL_OPTIONS" MALLOC_ARENA_MAX=$APP_MALLOC_ARENA_MAX \
    java -XX:ArchiveClassesAtExit="$IMAGE_DIR/app/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dspring.context.exit=onRefresh -jar "$IMAGE_DIR/app/app.jar" --spring.profiles.active=dev \
    --spring.datasource.url=jdbc:h2:mem:cds) > "$OUT/image-cds-training.log" 2>&1
  echo "$stamp" > "$IMAGE_DIR/stamp"
}

# Starts the application as the image's ENTRYPOINT does (working directory /app); its pid in APP_PID.
start_image_app() {
  local name=$1 nmt=$2
  local t0; t0=$(date +%s%N)
  (cd "$IMAGE_DIR/app" && JAVA_TOOL_OPTIONS="$MEMORY_JAVA_TOOL_OPTIONS" MALLOC_ARENA_MAX=$APP_MALLOC_ARENA_MAX \
    exec java $nmt -XX:SharedArchiveFile="$IMAGE_DIR/app/app.jsa" -jar "$IMAGE_DIR/app/app.jar" \
    --spring.profiles.active=$APP_PROFILES --server.port=$APP_PORT \
    --spring.datasource.url="$JDBC_BASE/$BENCH_APP_DB" --spring.datasource.username=postgres \
    --spring.datasource.password= --supervision.protection.exempt-addresses=127.0.0.1 \
    --supervision.mail.public-base-url="http://127.0.0.1:$APP_PORT" ${APP_ARGS:-}) > "$OUT/$name.log" 2>&1 &
  APP_PID=$!
  echo "${name}_start_seconds=$(wait_ready "http://127.0.0.1:$APP_PORT/actuator/health/readiness" "$t0" 900)" | record
}

# One checkpoint of phase memory: RSS, CPU seconds, classes, heap and metaspace in use; with NMT its summary.
memory_checkpoint() {
  local p=$1 pid=$2 nmt=$3
  local ticks; ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  jstat -class "$pid" 2>/dev/null | awk -v p="$p" 'NR == 2 { print p "_classes_loaded=" $1 }'
  # S0U S1U EU OU: the heap in use; EC+OC+S0C+S1C committed; MU, CCSU: metaspace and class space in use (KB); the
  # collections so far and their time.
  jstat -gc "$pid" 2>/dev/null | awk -v p="$p" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
    NR == 2 { printf "%s_heap_used_mb=%.0f\n%s_heap_committed_mb=%.0f\n%s_metaspace_used_mb=%.0f\n%s_class_space_used_mb=%.0f\n",
      p, ($c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]) / 1024, p, ($c["S0C"] + $c["S1C"] + $c["EC"] + $c["OC"]) / 1024,
      p, $c["MU"] / 1024, p, $c["CCSU"] / 1024
      printf "%s_young_gcs=%d\n%s_full_gcs=%d\n%s_gc_seconds=%.1f\n", p, $c["YGC"], p, $c["FGC"], p, $c["GCT"] }'
  echo "${p}_cpu_seconds=$(awk -v t="$ticks" -v h="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / h }')"
  echo "${p}_threads=$(ls "/proc/$pid/task" | wc -l)"
  # The class data sharing archives' resident pages (the JDK's and the application's) and how many of them the JVM
  # wrote to (relocated pointers: a private copy of the page each).
  awk '/^[0-9a-f]+-[0-9a-f]+ / { jsa = ($6 ~ /\.jsa$/) } jsa && /^Rss:/ { r += $2 } jsa && /^Private_Dirty:/ { d += $2 }
    END { printf "%s_cds_rss_mb=%.0f\n%s_cds_dirty_mb=%.0f\n", p, r / 1024, p, d / 1024 }' p="$p" "/proc/$pid/smaps"
  if [[ $nmt == 1 ]]; then
    jcmd "$pid" VM.native_memory summary > "$OUT/$p-nmt.txt" 2>&1 || true
    # "Total: reserved=…KB, committed=…KB" and "-  Java Heap (reserved=…KB, committed=…KB)": committed MB each.
    sed -n 's/^Total: .*committed=\([0-9]*\)KB.*/total \1/p; s/^-  *\([A-Za-z][A-Za-z ]*[A-Za-z]\) *(reserved=[0-9]*KB, committed=\([0-9]*\)KB.*/\1 \2/p' \
      "$OUT/$p-nmt.txt" | awk -v p="$p" '{ kb = $NF; $NF = ""; gsub(/ +$/, ""); gsub(/ /, "_"); printf "%s_nmt_%s_committed_mb=%.0f\n", p, tolower($0), kb / 1024 }'
  fi
  echo "${p}_rss_mb=$(rss_mb "$pid")"
}

phase_memory() {
  local jdbc="$JDBC_BASE/$BENCH_APP_DB?user=postgres" url="http://127.0.0.1:$APP_PORT" m=$MEMORY_NAME
  local nmt=""; [[ $MEMORY_NMT == 1 ]] && nmt="-XX:NativeMemoryTracking=summary"
  fresh_db $BENCH_APP_DB
  if [[ $MEMORY_LAUNCH == image ]]; then
    image_layout
    section "$m: the image's way (extracted jar, class data sharing archive, JAVA_TOOL_OPTIONS=$MEMORY_JAVA_TOOL_OPTIONS, MALLOC_ARENA_MAX=$APP_MALLOC_ARENA_MAX${nmt:+, $nmt}, no JFR), database $BENCH_APP_DB"
    start_image_app "$m" "$nmt"
    # A JVM that cannot use the archive says so in its log and starts without it: then it is not mapped.
    if grep -q "$IMAGE_DIR/app/app.jsa" "/proc/$APP_PID/maps"; then echo "${m}_cds_archive_mapped=yes" | record
    else echo "${m}_cds_archive_mapped=no" | record; fi
  else
    section "$m: as start_app (fat jar, JFR, no archive, APP_JAVA_OPTS=${APP_JAVA_OPTS:-none}${nmt:+, $nmt}), database $BENCH_APP_DB"
    APP_JAVA_OPTS="$APP_JAVA_OPTS $nmt" start_app "$m"
  fi
  local pid=$APP_PID
  memory_checkpoint "${m}_after_start" "$pid" "$MEMORY_NMT" | sed "s/^${m}_after_start_rss_mb=/${m}_rss_mb_after_start=/" | record
  local c
  for c in $MEMORY_CONNECTIONS; do
    section "$m: public intake, $c connections, ${INTAKE_SECONDS}s, then the drain"
    bench load --url "$url" --kind intake --connections $c --duration $INTAKE_SECONDS | sed "s/^/${m}_intake_c${c}_/" | record
    memory_checkpoint "${m}_after_intake_c$c" "$pid" "$MEMORY_NMT" \
      | sed "s/^${m}_after_intake_c${c}_rss_mb=/${m}_rss_mb_after_intake_c$c=/" | record
    # A heap too small for the burst ends the JVM (-XX:+ExitOnOutOfMemoryError): no drain to wait for then.
    if ! kill -0 "$pid" 2>/dev/null; then echo "${m}_exited_during_intake_c$c=yes" | record; return 0; fi
    drain "${m}_intake_c${c}_backlog_drained"
    memory_checkpoint "${m}_after_drain_c$c" "$pid" "$MEMORY_NMT" \
      | sed "s/^${m}_after_drain_c${c}_rss_mb=/${m}_rss_mb_after_drain_c$c=/" | record
  done
  # After the figures, for reading them: the heap's live set (after a full collection) and what the C library
  # gives back when asked to trim its heap (what -XX:TrimNativeHeapInterval would do).
  jcmd "$pid" GC.run > /dev/null 2>&1 || true
  jstat -gc "$pid" 2>/dev/null | awk -v p="$m" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
    NR == 2 { printf "%s_live_heap_mb_after_drain=%.0f\n", p, ($c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]) / 1024 }' | record
  echo "${m}_rss_mb_after_full_gc=$(rss_mb "$pid")" | record
  jcmd "$pid" System.trim_native_heap > /dev/null 2>&1 || true
  echo "${m}_rss_mb_after_trim_native_heap=$(rss_mb "$pid")" | record
  stop $pid
}

java_duration_seconds() {
  local d=${1#PT}
  case "$d" in *M) echo $(( ${d%M} * 60 )) ;; *S) echo "${d%S}" ;; *H) echo $(( ${d%H} * 3600 )) ;; esac
}

# The hottest methods and the most contended monitors of a JFR recording, for docs/benchmarks.md.
summarize_jfr() {
  local f="$OUT/$1.jfr"
  [[ -f "$f" && -x "$JFR_TOOL" ]] || return 0
  { "$JFR_TOOL" view --width 160 hot-methods "$f" 2>/dev/null | head -30
    "$JFR_TOOL" view --width 160 contention-by-site "$f" 2>/dev/null | head -15
    "$JFR_TOOL" view --width 160 gc "$f" 2>/dev/null | tail -5; } > "$OUT/$1-jfr.txt" || true
}

# PostgreSQL's autovacuum keeps the planner's statistics current as tables grow; on these CI machines it is switched
# off (/etc/postgresql/*/main/conf.d/90-ci.conf). Without it the plans of a database that grows from empty to
# hundreds of thousands of rows in minutes go stale (sequential scans of ACT_RU_EXECUTION, seen in a run here), which
# no production server has. This stands in for it, for the baseline and the application alike: VACUUM (ANALYZE) of
# both databases every MAINTENANCE_SECONDS, in the background, for the whole run.
MAINTENANCE_SECONDS=${MAINTENANCE_SECONDS:-60}
MAINTENANCE_DBS=""
[[ " $PHASES " =~ \ (baseline|app|starts|deadlines|timers|storage|lists|memory)\  ]] && MAINTENANCE_DBS="$BENCH_APP_DB"
[[ " $PHASES " =~ \ (baseline|app)\  ]] && MAINTENANCE_DBS="bench_baseline $MAINTENANCE_DBS"
[[ " $PHASES " == *" approval "* ]] && MAINTENANCE_DBS="$MAINTENANCE_DBS $APPROVAL_DB $APPROVAL_BASE_DB"
[[ " $PHASES " == *" e2e "* ]] && MAINTENANCE_DBS="$MAINTENANCE_DBS $E2E_DB $E2E_BASE_DB"
maintenance() {
  while sleep "$MAINTENANCE_SECONDS"; do
    for db in $MAINTENANCE_DBS; do
      vacuumdb -q -h 127.0.0.1 -U postgres --analyze -d "$db" >/dev/null 2>&1 || true
    done
  done
}

machine
echo "postgres_autovacuum=$($PG -d postgres -c 'show autovacuum')" | record
if [[ "$($PG -d postgres -c 'show autovacuum')" == "off" ]]; then
  echo "maintenance=vacuumdb --analyze of$MAINTENANCE_DBS every ${MAINTENANCE_SECONDS}s (autovacuum is off)" | record
  maintenance &
  MAINTENANCE_PID=$!
  trap 'kill $MAINTENANCE_PID 2>/dev/null || true' EXIT
fi
build
for phase in $PHASES; do
  "phase_$phase"
done
echo "loadavg_at_end=$(cut -d' ' -f1-3 /proc/loadavg)" | record
log "results in $RESULTS"
