#!/usr/bin/env bash
# Quick A/B: JIT (C1 only vs tiered C2) x Tomcat max threads (200 vs 32); intake answered at 16/64, routed drain, RSS.
set -u
cd /work/main
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt"
PGJAR=$(ls ~/.m2/repository/org/postgresql/postgresql/42.7.8/postgresql-42.7.8.jar)
bench() { java -cp "bench/target/classes:$PGJAR" org.opensupervision.bench.Bench "$@"; }
export SUPERVISION_AUDIT_CHAIN_KEY=bench-only-audit-chain-key-0123456789abcdef
export SUPERVISION_RATING_LINK_SECRET=bench-only-rating-link-secret-0123456789ab
export SUPERVISION_ACCESS_CODE_SECRET=bench-only-access-code-secret-0123456789ab
export SUPERVISION_PRIVACY_KEYS_BENCH=YmVuY2gtb25seS1jb250YWN0LWtleS0zMi1ieXRlcyE=
export SUPERVISION_PRIVACY_ACTIVE_KEY=bench
OUT=${OUT:-/work/helpers/ab-jvm-$(date -u +%H%M)}; mkdir -p $OUT
COMMON="-Xmx256m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
unrouted="select (select count(*) from complaint where status = 'SUBMITTED' and process_instance_id is null) + (select count(*) from act_ru_job where retries_ > 0 and handler_type_ <> 'history-cleanup' and (duedate_ is null or duedate_ <= ?))"
for v in "${@:-c1-t200 c2-t200 c1-t32 c2-t32}"; do for variant in $v; do
  jit=""; [[ $variant == c1-* ]] && jit="-XX:TieredStopAtLevel=1"
  threads=${variant#*-t}
  $PG -d postgres -c "drop database if exists bench_ab with (force)" -c "create database bench_ab"
  t0=$(date +%s%N)
  MALLOC_ARENA_MAX=2 java $COMMON $jit -jar target/efficiency-supervision-0.1.0-SNAPSHOT.jar \
    --spring.profiles.active=postgres,bench --server.port=8183 --server.tomcat.threads.max=$threads \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/bench_ab --spring.datasource.username=postgres \
    --spring.datasource.password= --supervision.protection.exempt-addresses=127.0.0.1 > $OUT/$variant.log 2>&1 &
  pid=$!
  until curl -fsS -m 2 -o /dev/null http://127.0.0.1:8183/actuator/health/readiness 2>/dev/null; do sleep 0.2; done
  echo "$variant start_s=$(awk -v a=$t0 -v b=$(date +%s%N) 'BEGIN{printf "%.1f",(b-a)/1e9}') rss=$(( $(ps -o rss= -p $pid)/1024 ))" | tee -a $OUT/results.txt
  bench load --url http://127.0.0.1:8183 --kind intake --connections 16 --duration 15 > /dev/null
  bench wait --jdbc "jdbc:postgresql://127.0.0.1:5432/bench_ab?user=postgres" --timeout 900 --until "warm_drain|$unrouted|<=0" > /dev/null
  for c in 16 64; do
    bench load --url http://127.0.0.1:8183 --kind intake --connections $c --duration 30 | sed "s/^/$variant c$c /" | grep -E "rate_per_s|p99|errors" | tee -a $OUT/results.txt
    echo "$variant c$c rss=$(( $(ps -o rss= -p $pid)/1024 ))" | tee -a $OUT/results.txt
    bench wait --jdbc "jdbc:postgresql://127.0.0.1:5432/bench_ab?user=postgres" --timeout 900 --until "drain|$unrouted|<=0" | sed "s/^/$variant c$c /" | tee -a $OUT/results.txt
  done
  kill $pid; wait $pid 2>/dev/null
done; done
